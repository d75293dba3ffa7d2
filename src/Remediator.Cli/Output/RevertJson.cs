using System.Text.Json.Serialization;
using Remediator.Core.Revert;

namespace Remediator.Cli.Output;

/// <summary>One line of <c>revert --output json</c>: the fate of one statement.</summary>
internal sealed record RevertJson(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("functionArn")] string FunctionArn,
    [property: JsonPropertyName("qualifier")] string? Qualifier,
    [property: JsonPropertyName("statementId")] string? StatementId,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("ledgerRecords")] IReadOnlyList<string> LedgerRecords,
    [property: JsonPropertyName("ledgerUpdated")] bool LedgerUpdated,
    [property: JsonPropertyName("dryRun")] bool DryRun)
{
    public static RevertJson From(RevertResult result, bool dryRun) => new(
        result.Status.ToString(), result.FunctionArn, result.Qualifier, result.StatementId, result.Detail, result.Fingerprints, result.LedgerUpdated, dryRun);
}
