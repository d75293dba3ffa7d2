using Remediator.Core.Decisions;

namespace Remediator.Core.Observability;

/// <summary>One structured log line's worth of facts about one outcome. Fields that do not apply are null.</summary>
/// <param name="Timestamp">When the outcome was recorded.</param>
/// <param name="RequestId">The Lambda request id of the invocation, when there is one.</param>
/// <param name="Outcome">How the finding ended.</param>
/// <param name="Reason">Why.</param>
/// <param name="Kind">The failure kind from the catalogue (e.g. <c>MissingInvokePermission</c>).</param>
/// <param name="ApiId">The API Gateway API id.</param>
/// <param name="Stage">The stage name.</param>
/// <param name="FunctionArn">The function the finding is about.</param>
/// <param name="StatementId">The statement id added or proposed.</param>
/// <param name="Duration">Time spent on this finding.</param>
/// <param name="Message">One human sentence.</param>
/// <param name="NotificationSuppressed">A notification was due and the hourly cap held it back.</param>
/// <param name="OpsItemId">The OpsCenter OpsItem that tracks the root cause, when there is one.</param>
public sealed record OutcomeLogEntry(
    DateTimeOffset Timestamp,
    string? RequestId,
    RemediationOutcome Outcome,
    OutcomeReason Reason,
    string? Kind,
    string? ApiId,
    string? Stage,
    string? FunctionArn,
    string? StatementId,
    TimeSpan? Duration,
    string Message,
    bool NotificationSuppressed = false,
    string? OpsItemId = null)
{
    /// <summary>The log and metric name of the outcome (<see cref="ObservabilityNames.OutcomeName"/>).</summary>
    public string OutcomeName => ObservabilityNames.OutcomeName(Outcome, Reason);
}
