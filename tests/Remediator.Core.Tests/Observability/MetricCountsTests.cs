using Remediator.Core.Decisions;
using Remediator.Core.Observability;

namespace Remediator.Core.Tests.Observability;

public class MetricCountsTests
{
    [Theory]
    [InlineData(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, "Kind", 1, 1, 0, 0, 0, 0)]
    [InlineData(RemediationOutcome.AlreadyAllowed, OutcomeReason.PolicyAllows, "Kind", 1, 0, 0, 1, 0, 0)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, "Kind", 1, 0, 1, 0, 0, 0)]
    [InlineData(RemediationOutcome.Ignored, OutcomeReason.InvalidPayload, "Kind", 1, 0, 0, 0, 1, 0)]
    [InlineData(RemediationOutcome.Ignored, OutcomeReason.InvalidPayload, null, 0, 0, 0, 0, 1, 0)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.BreakerOpen, "Kind", 1, 0, 0, 0, 0, 1)]
    [InlineData(RemediationOutcome.Recommended, OutcomeReason.PermissionMissing, "Kind", 1, 0, 0, 0, 0, 0)]
    [InlineData(RemediationOutcome.Observed, OutcomeReason.PermissionMissing, "Kind", 1, 0, 0, 0, 0, 0)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.UnrecognizedFailure, "Kind", 1, 0, 0, 0, 0, 0)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.Exempted, "Kind", 1, 0, 0, 0, 0, 0)]
    [InlineData(RemediationOutcome.Ignored, OutcomeReason.ClaimedElsewhere, "Kind", 1, 0, 0, 0, 0, 0)]
    public void Of_EachOutcome_CountsItsMetrics(
        RemediationOutcome outcome, OutcomeReason reason, string? kind, int seen, int fixedCount, int tickets, int allowed, int errors, int breaker)
    {
        var entry = new OutcomeLogEntry(DateTimeOffset.UnixEpoch, null, outcome, reason, kind, null, null, null, null, null, "m");

        Assert.Equal(new MetricCounts(seen, fixedCount, tickets, allowed, errors, breaker), MetricCounts.Of(entry));
    }

    [Fact]
    public void Of_SuppressedNotification_CountsNotificationsSuppressedBesideTheOutcome()
    {
        var entry = new OutcomeLogEntry(DateTimeOffset.UnixEpoch, null, RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, "Kind", null, null, null, null, null, "m", NotificationSuppressed: true);

        Assert.Equal(new MetricCounts(1, 1, 0, 0, 0, 0, 1), MetricCounts.Of(entry));
    }

    [Fact]
    public void Add_SumsEachCount()
    {
        Assert.Equal(
            new MetricCounts(11, 22, 33, 44, 55, 66, 77),
            MetricCounts.Add(new MetricCounts(1, 2, 3, 4, 5, 6, 7), new MetricCounts(10, 20, 30, 40, 50, 60, 70)));
    }
}
