namespace Remediator.Core.Observability;

/// <summary>How one finding (or one invocation-level failure) ended; every log event ends in exactly
/// one recorded outcome (docs/ARCHITECTURE.md, "Safety rules" 11).</summary>
public enum Outcome
{
    /// <summary>The missing permission was added.</summary>
    Fixed,

    /// <summary>The policy already allows the call (fixed earlier, or by someone else).</summary>
    AlreadyAllowed,

    /// <summary>Recommend mode: the exact fix was sent, nothing changed.</summary>
    Recommended,

    /// <summary>Not ours to fix (role, cross-account, code error...): a ticket notification was sent.</summary>
    Ticket,

    /// <summary>Notified without a fix or ticket (unrecognized failure).</summary>
    Notified,

    /// <summary>Observe mode: logged and counted only.</summary>
    Observed,

    /// <summary>The function is exempt by tag or name pattern.</summary>
    Exempt,

    /// <summary>Nothing to do.</summary>
    Ignored,

    /// <summary>A fix was withheld because a fix cap was reached.</summary>
    BreakerOpen,

    /// <summary>Processing failed.</summary>
    Error,
}
