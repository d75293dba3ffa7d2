using Remediator.Core.Observability;

namespace Remediator.Core.Tests.Observability;

public class ObservabilityNamesTests
{
    // Pinned: alarms in template.yaml and dashboards refer to these names.
    [Fact]
    public void Metrics_ArePinned()
    {
        Assert.Equal("Remediator", ObservabilityNames.Namespace);
        Assert.Equal(["FindingsSeen", "Fixed", "Tickets", "AlreadyAllowed", "Errors", "BreakerOpen", "NotificationsSuppressed"], ObservabilityNames.Metrics);
        Assert.Equal("Mode", ObservabilityNames.ModeDimension);
        Assert.Equal("Kind", ObservabilityNames.KindDimension);
        Assert.Equal("Count", ObservabilityNames.CountUnit);
    }

    [Fact]
    public void LogFields_ArePinned()
    {
        Assert.Equal(
            ["timestamp", "level", "requestId", "outcome", "kind", "apiId", "stage", "functionArn", "statementId", "durationMs", "message", "errorType"],
            [
                ObservabilityNames.Timestamp, ObservabilityNames.Level, ObservabilityNames.RequestId,
                ObservabilityNames.OutcomeField, ObservabilityNames.KindField, ObservabilityNames.ApiId,
                ObservabilityNames.Stage, ObservabilityNames.FunctionArn, ObservabilityNames.StatementId,
                ObservabilityNames.DurationMs, ObservabilityNames.Message, ObservabilityNames.ErrorType,
            ]);
    }
}
