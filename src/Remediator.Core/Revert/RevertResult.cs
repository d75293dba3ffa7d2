namespace Remediator.Core.Revert;

/// <summary>One statement's revert.</summary>
/// <param name="FunctionArn">The unqualified function ARN whose policy holds (or held) the statement.</param>
/// <param name="Qualifier">The alias or version of that policy; null for the function itself.</param>
/// <param name="StatementId">The statement; null when the whole policy was refused (it cannot be read).</param>
/// <param name="Status">What happened.</param>
/// <param name="Detail">Why, in one clause for people.</param>
/// <param name="Fingerprints">The ledger records that tracked the statement as Remediator's fix.</param>
/// <param name="LedgerUpdated">True when those records now say Reverted.</param>
public sealed record RevertResult(
    string FunctionArn,
    string? Qualifier,
    string? StatementId,
    RevertStatus Status,
    string Detail,
    IReadOnlyList<string> Fingerprints,
    bool LedgerUpdated)
{
    /// <summary>Reverted, already gone, or (dry run) would be reverted.</summary>
    public bool Succeeded => Status is RevertStatus.Reverted or RevertStatus.AlreadyGone or RevertStatus.WouldRevert;
}
