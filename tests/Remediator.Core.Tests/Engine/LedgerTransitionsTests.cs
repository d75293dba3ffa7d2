using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Engine;

public class LedgerTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 21, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    [Theory]
    [InlineData(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, RemediationState.Fixed, "PermissionMissing", 1, true)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, RemediationState.Ticketed, "RoleBasedIntegration", 1, false)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, RemediationState.Ticketed, "RoleBasedIntegration", 6, true)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, RemediationState.Ticketed, "Exempted", 1, true)]
    [InlineData(RemediationOutcome.Recommended, OutcomeReason.PermissionMissing, RemediationState.Ticketed, "RoleBasedIntegration", 1, true)]
    [InlineData(RemediationOutcome.Recommended, OutcomeReason.PermissionMissing, RemediationState.Recommended, "PermissionMissing", 5, false)]
    [InlineData(RemediationOutcome.AlreadyAllowed, OutcomeReason.PolicyAllows, RemediationState.Pending, null, 100, false)]
    [InlineData(RemediationOutcome.Observed, OutcomeReason.PermissionMissing, RemediationState.Pending, null, 100, false)]
    [InlineData(RemediationOutcome.Ignored, OutcomeReason.ClaimedElsewhere, RemediationState.Pending, null, 100, false)]
    public void ShouldNotify_Table(RemediationOutcome outcome, OutcomeReason reason, RemediationState previousState, string? previousReason, int hoursAgo, bool expected)
    {
        var previous = new LedgerOutcome { State = previousState, LastOutcomeReason = previousReason, LastNotifiedAt = Now.AddHours(-hoursAgo) };

        Assert.Equal(expected, LedgerTransitions.ShouldNotify(new Decision(outcome, reason, "x"), previous, Now, Interval));
    }

    [Fact]
    public void ShouldNotify_NeverNotified_Notifies() =>
        Assert.True(LedgerTransitions.ShouldNotify(Decision.Ticket(OutcomeReason.Handler, "x"), LedgerOutcome.Pending, Now, Interval));

    [Fact]
    public void Completed_FixWhoseNotificationFailed_IsMarkedForTheNextPass()
    {
        var rootCause = new RootCause("key", [ResolvedFinding.Unresolved(Finding(), 0, "key")]);
        var write = new WriteResult { Assessment = new Assessment { RootCause = rootCause, Decision = Decision.Ticket(OutcomeReason.Handler, "x") }, Decision = Decision.Ticket(OutcomeReason.Handler, "x"), TriedWrite = true };

        LedgerOutcome outcome = LedgerTransitions.Completed(LedgerOutcome.Pending with { ConsecutiveFailures = 2 }, new Decision(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, "x"), write, null, notificationFailed: true);

        Assert.Equal((RemediationState.Fixed, "AddPermissionUnnotified", 1, 0), (outcome.State, outcome.LastAction, outcome.Attempts, outcome.ConsecutiveFailures));
        Assert.Null(outcome.LastNotifiedAt);
    }

    [Fact]
    public void Failed_CountsTheFailureAndKeepsTheEarlierFix()
    {
        var fix = new AppliedPermission("remediator-x-0123456789abcdef", "arn:aws:lambda:us-east-1:123456789012:function:f", null);

        LedgerOutcome outcome = LedgerTransitions.Failed(LedgerOutcome.Pending with { Fix = fix, ConsecutiveFailures = 1 }, triedWrite: false);

        Assert.Equal((RemediationState.Failed, 2, fix), (outcome.State, outcome.ConsecutiveFailures, outcome.Fix));
    }

    private static Finding Finding() => new(
        FindingKind.MissingInvokePermission, ApiType.Rest, "a1b2c3d4e5", "prod", "GET", "/pets", null, null, [], 1, Now, Now, []);
}
