using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Revert;

/// <summary>One statement a revert will consider, and the ledger records that name it as their fix.</summary>
internal sealed record RevertCandidate(LambdaFunctionArn Function, string StatementId, IReadOnlyList<LedgerRecord> Records)
{
    public RevertResult Result(RevertStatus status, string detail, bool ledgerUpdated = false) => new(
        Function.UnqualifiedArn, Function.Qualifier, StatementId, status, detail, [.. Records.Select(r => r.Key)], ledgerUpdated);

    /// <summary>True when <paramref name="fix"/> is this statement on this function and qualifier.</summary>
    public static bool Same(AppliedPermission? fix, LambdaFunctionArn function, string statementId) =>
        fix is not null
        && string.Equals(fix.StatementId, statementId, StringComparison.Ordinal)
        && string.Equals(fix.FunctionArn, function.UnqualifiedArn, StringComparison.Ordinal)
        && string.Equals(fix.Qualifier, function.Qualifier, StringComparison.Ordinal);
}
