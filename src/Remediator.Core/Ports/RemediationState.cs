namespace Remediator.Core.Ports;

/// <summary>Where a root-cause key stands after its latest completed pass.</summary>
public enum RemediationState
{
    /// <summary>Seen and possibly claimed, but no pass has completed yet.</summary>
    Pending,

    /// <summary>Remediator added the missing permission.</summary>
    Fixed,

    /// <summary>The control plane already allowed the request; nothing was written.</summary>
    AlreadyAllowed,

    /// <summary>Recommend mode: the exact fix was notified, not applied.</summary>
    Recommended,

    /// <summary>Observe mode: logged and measured only.</summary>
    Observed,

    /// <summary>A person has to act; a ticket was opened.</summary>
    Ticketed,

    /// <summary>Deliberately not acted on (see the outcome reason).</summary>
    Ignored,

    /// <summary>The pass tried and failed; see consecutive failures.</summary>
    Failed,

    /// <summary>
    /// An operator removed the permission Remediator had added (<c>remediator revert</c>). Attempts and failures
    /// start again from zero, so the removal is not read as "the permission keeps disappearing".
    /// </summary>
    Reverted,
}
