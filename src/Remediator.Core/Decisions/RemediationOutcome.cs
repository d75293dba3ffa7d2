namespace Remediator.Core.Decisions;

/// <summary>How one finding ends: exactly one of these per finding (docs/ARCHITECTURE.md, "Safety rules" 11).</summary>
public enum RemediationOutcome
{
    /// <summary>Remediator added the missing permission in this pass.</summary>
    Fixed,

    /// <summary>The control plane already allows the failed call; nothing was written.</summary>
    AlreadyAllowed,

    /// <summary>Recommend mode: the verified fix was notified, not applied.</summary>
    Recommended,

    /// <summary>Observe mode: what Remediator would have done was logged and counted only.</summary>
    Observed,

    /// <summary>A person has to act (see the reason); nothing was written.</summary>
    Ticket,

    /// <summary>Deliberately not acted on (see the reason), without a notification.</summary>
    Ignored,
}
