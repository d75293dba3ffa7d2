using Remediator.Core.Policy;

namespace Remediator.Core.Revert;

/// <summary>What an operator asked <c>remediator revert</c> to remove.</summary>
public sealed record RevertRequest
{
    /// <summary>
    /// The function (and qualifier) whose policy to read. Required unless <see cref="FromLedger"/>; with it, a filter
    /// on the ledger's fixes.
    /// </summary>
    public LambdaFunctionArn? Function { get; init; }

    /// <summary>With <see cref="FromLedger"/> and no qualifier given: match the function's fixes on every qualifier.</summary>
    public bool AnyQualifier { get; init; }

    /// <summary>Only this statement.</summary>
    public string? StatementId { get; init; }

    /// <summary>Take the statements from the ledger's fix records instead of the function's policy.</summary>
    public bool FromLedger { get; init; }

    /// <summary>Read and judge only; write nothing (no RemovePermission, no ledger write).</summary>
    public bool DryRun { get; init; }

    /// <summary>Who holds the ledger lease while a record is reverted (unique per run).</summary>
    public required string Owner { get; init; }
}
