using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Revert;

/// <summary>The functions the ledger's open fix records name: where Remediator's statements may sit with nothing invoking them any more.</summary>
public static class LedgerFixes
{
    /// <summary>Each function (with the qualifier of its fix) once, in key order; records naming no unqualified function ARN are skipped.</summary>
    public static async Task<IReadOnlyList<LambdaFunctionArn>> FunctionsAsync(ILedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var functions = new SortedDictionary<string, LambdaFunctionArn>(StringComparer.Ordinal);
        await foreach (LedgerRecord record in ledger.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (record.Outcome is { Fix: { } fix, State: not RemediationState.Reverted }
                && LambdaFunctionArn.Parse(fix.FunctionArn) is { IsSuccess: true, Value: { Qualifier: null } function })
            {
                LambdaFunctionArn qualified = function.WithQualifier(fix.Qualifier);
                functions.TryAdd(qualified.Arn, qualified);
            }
        }

        return [.. functions.Values];
    }
}
