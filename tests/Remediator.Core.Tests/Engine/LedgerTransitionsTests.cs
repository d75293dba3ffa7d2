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
    public void Completed_FixWhoseNotificationFailed_OwesTheMessageAndCountsTheFixOnce()
    {
        var owed = new SnsMessage("arn:aws:sns:us-east-1:123456789012:t", "fixed", "subject");

        LedgerOutcome outcome = LedgerTransitions.Completed(LedgerOutcome.Pending with { ConsecutiveFailures = 2 }, Fixed, Write(newFix: true), null, owed);

        Assert.Equal((RemediationState.Fixed, "AddPermissionUnnotified", 1, 0), (outcome.State, outcome.LastAction, outcome.Attempts, outcome.ConsecutiveFailures));
        Assert.Same(owed, outcome.OwedNotification);
        Assert.Null(outcome.LastNotifiedAt);
    }

    [Fact]
    public void Completed_AnnouncingAFixAlreadyRecorded_DoesNotCountItAgainAndPaysTheDebt()
    {
        var previous = LedgerOutcome.Pending with { State = RemediationState.Fixed, Attempts = 1, LastAction = "AddPermissionUnnotified", OwedNotification = new SnsMessage("arn:aws:sns:us-east-1:123456789012:t", "fixed") };

        LedgerOutcome outcome = LedgerTransitions.Completed(previous, Fixed, Write(newFix: false), Now, null);

        Assert.Equal((1, "AddPermission", Now), (outcome.Attempts, outcome.LastAction, outcome.LastNotifiedAt));
        Assert.Null(outcome.OwedNotification);
    }

    [Fact]
    public void Completed_TriedWriteThatAddedNothing_IsNoAttempt()
    {
        LedgerOutcome outcome = LedgerTransitions.Completed(LedgerOutcome.Pending, Decision.Ticket(OutcomeReason.PolicyTooLarge, "x"), Write(newFix: false) with { TriedWrite = true }, null, null);

        Assert.Equal(0, outcome.Attempts);
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void Completed_KeepsTheIntentOnlyWhileNoPassHasSeenItsFate(bool fixRecorded, bool policyJudged, bool kept)
    {
        var intent = new PermissionIntent("remediator-x-0123456789abcdef", "arn:aws:lambda:us-east-1:123456789012:function:f", null, "arn:aws:execute-api:us-east-1:123456789012:a1b2c3/*/GET/pets");
        WriteResult write = Write(newFix: fixRecorded) with { Applied = fixRecorded ? intent.ToApplied() : null, PolicyJudged = policyJudged };

        LedgerOutcome outcome = LedgerTransitions.Completed(LedgerOutcome.Pending with { Intent = intent }, fixRecorded ? Fixed : Decision.Ticket(OutcomeReason.RepeatedFailure, "x"), write, null, null);

        Assert.Equal(kept, outcome.Intent is not null);
    }

    [Fact]
    public void Failed_OwnWriteRefused_CountsOncePerInvocationAndKeepsTheEarlierFix()
    {
        var fix = new AppliedPermission("remediator-x-0123456789abcdef", "arn:aws:lambda:us-east-1:123456789012:function:f", null);

        LedgerOutcome first = LedgerTransitions.Failed(LedgerOutcome.Pending with { Fix = fix, ConsecutiveFailures = 1 }, counts: true, "invocation-1");
        LedgerOutcome retried = LedgerTransitions.Failed(first, counts: true, "invocation-1");
        LedgerOutcome another = LedgerTransitions.Failed(retried, counts: true, "invocation-2");

        Assert.Equal((RemediationState.Failed, 2, fix), (first.State, first.ConsecutiveFailures, first.Fix));
        Assert.Equal(2, retried.ConsecutiveFailures);
        Assert.Equal(3, another.ConsecutiveFailures);
    }

    [Fact]
    public void Failed_TransientOutage_IsNotCounted()
    {
        LedgerOutcome outcome = LedgerTransitions.Failed(LedgerOutcome.Pending with { ConsecutiveFailures = 1 }, counts: false, "invocation-1");

        Assert.Equal((RemediationState.Failed, 1), (outcome.State, outcome.ConsecutiveFailures));
    }

    private static Decision Fixed => new(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, "x");

    private static WriteResult Write(bool newFix)
    {
        var rootCause = new RootCause("key", [ResolvedFinding.Unresolved(Finding(), 0, "key")]);
        return new WriteResult { Assessment = new Assessment { RootCause = rootCause, Decision = Fixed }, Decision = Fixed, NewFix = newFix };
    }

    private static Finding Finding() => new(
        FindingKind.MissingInvokePermission, ApiType.Rest, "a1b2c3d4e5", "prod", "GET", "/pets", null, null, [], 1, Now, Now, []);
}
