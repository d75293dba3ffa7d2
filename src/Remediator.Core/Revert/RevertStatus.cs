namespace Remediator.Core.Revert;

/// <summary>What became of one statement a revert was asked to remove.</summary>
public enum RevertStatus
{
    /// <summary>RemovePermission removed it.</summary>
    Reverted,

    /// <summary>It was not there (no statement, no policy, no function): counts as reverted.</summary>
    AlreadyGone,

    /// <summary>Dry run: it is Remediator's and would be removed.</summary>
    WouldRevert,

    /// <summary>It is not exactly a statement Remediator writes, or its policy cannot be read: left in place.</summary>
    Refused,

    /// <summary>The policy changed under the revert twice (412), or the ledger record moved on: left in place.</summary>
    Conflict,

    /// <summary>A Remediator invocation holds the ledger record right now: left in place, try again.</summary>
    Busy,
}
