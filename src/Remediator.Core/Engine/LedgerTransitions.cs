using Remediator.Core.Decisions;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>What a pass writes to a root cause's ledger record, from the previous outcome and this pass's decision.</summary>
internal static class LedgerTransitions
{
    /// <summary>The ledger state for an outcome.</summary>
    public static RemediationState StateOf(RemediationOutcome outcome) => outcome switch
    {
        RemediationOutcome.Fixed => RemediationState.Fixed,
        RemediationOutcome.AlreadyAllowed => RemediationState.AlreadyAllowed,
        RemediationOutcome.Recommended => RemediationState.Recommended,
        RemediationOutcome.Observed => RemediationState.Observed,
        RemediationOutcome.Ticket => RemediationState.Ticketed,
        RemediationOutcome.Ignored => RemediationState.Ignored,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    /// <summary>A completed pass.</summary>
    /// <param name="previous">The outcome the claim found (with this pass's intent, when it recorded one).</param>
    /// <param name="decision">How the root cause ended (mode applied).</param>
    /// <param name="write">What this pass's write stage did.</param>
    /// <param name="notifiedAt">When this pass published a notification (or sent one SNS did not answer), if it did.</param>
    /// <param name="owed">The notification SNS refused or could not be reached for, which the next pass sends.</param>
    public static LedgerOutcome Completed(LedgerOutcome previous, Decision decision, WriteResult write, DateTimeOffset? notifiedAt, SnsMessage? owed)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(write);
        bool fixedNow = decision.Outcome == RemediationOutcome.Fixed;
        string action = fixedNow
            ? owed is not null ? LedgerActions.AddPermissionUnnotified : LedgerActions.AddPermission
            : notifiedAt is not null ? LedgerActions.Notify : LedgerActions.None;

        // A completed pass resets the failure count, escalations included: after a RepeatedFailure ticket the
        // next pass tries again, and another run of failures escalates again rather than retrying forever.
        // Attempts count the permissions Remediator added (each recorded once), so only a permission that keeps
        // disappearing escalates. An intent is settled by a pass that recorded the fix or judged the policy.
        return previous with
        {
            State = StateOf(decision.Outcome),
            Attempts = previous.Attempts + (write.NewFix ? 1 : 0),
            ConsecutiveFailures = 0,
            LastFailedInvocation = null,
            LastAction = action,
            LastOutcomeReason = decision.Reason.ToString(),
            Fix = write.Applied ?? previous.Fix,
            Intent = write.Applied is not null || write.PolicyJudged ? null : previous.Intent,
            OwedNotification = owed,
            LastNotifiedAt = notifiedAt ?? previous.LastNotifiedAt,
        };
    }

    /// <summary>
    /// A pass that failed with an exception before its root cause was written; <paramref name="counts"/> when the failure
    /// was Remediator's own write refused for good, counted once per <paramref name="invocationId"/> (Lambda's retries
    /// of one event reuse it). Transient outages never count.
    /// </summary>
    public static LedgerOutcome Failed(LedgerOutcome previous, bool counts, string invocationId)
    {
        ArgumentNullException.ThrowIfNull(previous);
        bool counted = counts && !string.Equals(previous.LastFailedInvocation, invocationId, StringComparison.Ordinal);
        return previous with
        {
            State = RemediationState.Failed,
            ConsecutiveFailures = previous.ConsecutiveFailures + (counted ? 1 : 0),
            LastFailedInvocation = counted ? invocationId : previous.LastFailedInvocation,
            // A fix whose notification is owed stays marked so: the next pass announces it.
            LastAction = previous.LastAction == LedgerActions.AddPermissionUnnotified ? previous.LastAction : LedgerActions.None,
            LastOutcomeReason = "Failed",
        };
    }

    /// <summary>
    /// Whether to notify: always for a fix made now; otherwise when nobody was told yet, when the outcome
    /// or reason changed since the last notification, or when the interval has passed.
    /// </summary>
    public static bool ShouldNotify(Decision decision, LedgerOutcome? previous, DateTimeOffset now, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.IsNotifiable)
        {
            return false;
        }

        if (decision.Outcome == RemediationOutcome.Fixed || previous?.LastNotifiedAt is not { } last)
        {
            return true;
        }

        return previous.State != StateOf(decision.Outcome)
            || !string.Equals(previous.LastOutcomeReason, decision.Reason.ToString(), StringComparison.Ordinal)
            || now - last >= interval;
    }
}
