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
    [property: JsonPropertyName("dryRun")] bool DryRun) : AccountColumns
{

    public static RevertJson From(RevertResult result, bool dryRun) => new(
        result.Status.ToString(), result.FunctionArn, result.Qualifier, result.StatementId, result.Detail, result.Fingerprints, result.LedgerUpdated, dryRun);
}

/// <summary>A line of <c>revert --accounts ... --output json</c> for an account × region that could not be reverted in.</summary>
internal sealed record RevertTargetFailureJson(
    [property: JsonPropertyName("account")] string Account,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("exitCode")] int ExitCode,
    [property: JsonPropertyName("error")] string Error);
