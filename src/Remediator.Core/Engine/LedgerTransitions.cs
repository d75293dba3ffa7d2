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
    /// <param name="previous">The outcome the claim found.</param>
    /// <param name="decision">How the root cause ended (mode applied).</param>
    /// <param name="write">What this pass's write stage did.</param>
    /// <param name="notifiedAt">When this pass published a notification, if it did.</param>
    /// <param name="notificationFailed">True when publishing was attempted and failed.</param>
    public static LedgerOutcome Completed(LedgerOutcome previous, Decision decision, WriteResult write, DateTimeOffset? notifiedAt, bool notificationFailed)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(write);
        bool fixedNow = decision.Outcome == RemediationOutcome.Fixed;
        string action = fixedNow
            ? notificationFailed ? LedgerActions.AddPermissionUnnotified : LedgerActions.AddPermission
            : notifiedAt is not null ? LedgerActions.Notify : LedgerActions.None;

        // A completed pass resets the failure count, escalations included: after a RepeatedFailure ticket the
        // next pass tries again, and another run of failures escalates again rather than retrying forever.
        return previous with
        {
            State = StateOf(decision.Outcome),
            Attempts = previous.Attempts + (write.TriedWrite ? 1 : 0),
            ConsecutiveFailures = 0,
            LastAction = action,
            LastOutcomeReason = decision.Reason.ToString(),
            Fix = write.Applied ?? previous.Fix,
            LastNotifiedAt = notifiedAt ?? previous.LastNotifiedAt,
        };
    }

    /// <summary>A pass that failed with an exception (transient I/O, policy contention) before its root cause was written.</summary>
    public static LedgerOutcome Failed(LedgerOutcome previous, bool triedWrite)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return previous with
        {
            State = RemediationState.Failed,
            Attempts = previous.Attempts + (triedWrite ? 1 : 0),
            ConsecutiveFailures = previous.ConsecutiveFailures + 1,
            LastAction = LedgerActions.None,
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
