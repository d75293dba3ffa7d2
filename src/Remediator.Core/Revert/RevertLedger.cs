using Remediator.Core.Ports;

namespace Remediator.Core.Revert;

/// <summary>What a revert writes to a ledger record whose fix it removed.</summary>
public static class RevertLedger
{
    /// <summary>The <see cref="LedgerOutcome.LastAction"/> of a reverted record.</summary>
    public const string RemovePermissionAction = "RemovePermission";

    /// <summary>The <see cref="LedgerOutcome.LastOutcomeReason"/> of a reverted record.</summary>
    public const string RevertedReason = "Reverted";

    /// <summary>
    /// The record after an operator removed its fix. The engine escalates a root cause to
    /// <c>Ticket(RepeatedFailure)</c> once it has added the permission <c>REMEDIATOR_MAX_ATTEMPTS</c> times
    /// ("something removes it"), counting <see cref="LedgerOutcome.Attempts"/>; a deliberate removal is not that,
    /// so attempts and failures start again from zero. The fix is cleared because the statement no longer exists:
    /// left in place, a later pass that writes nothing would carry it forward and revert would chase it again.
    /// </summary>
    public static LedgerOutcome Reverted(LedgerOutcome previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return previous with
        {
            State = RemediationState.Reverted,
            Attempts = 0,
            ConsecutiveFailures = 0,
            LastAction = RemovePermissionAction,
            LastOutcomeReason = RevertedReason,
            Fix = null,
        };
    }
}
