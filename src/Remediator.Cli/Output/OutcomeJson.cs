using System.Text.Json.Serialization;
using Remediator.Core.Engine;
using Remediator.Lambda.Handling;

namespace Remediator.Cli.Output;

/// <summary>One line of <c>replay --output json</c>: the outcome of one finding (or of a refused payload).</summary>
internal sealed record OutcomeJson(
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("apiId")] string? ApiId,
    [property: JsonPropertyName("stage")] string? Stage,
    [property: JsonPropertyName("functionArn")] string? FunctionArn,
    [property: JsonPropertyName("qualifier")] string? Qualifier,
    [property: JsonPropertyName("statementId")] string? StatementId,
    [property: JsonPropertyName("sourceArn")] string? SourceArn,
    [property: JsonPropertyName("notified")] bool Notified,
    [property: JsonPropertyName("opsItemId")] string? OpsItemId,
    [property: JsonPropertyName("detail")] string Detail)
{
    // The fields the Lambda's response also has are taken from it, so a replay and an invocation describe an outcome alike.
    public static OutcomeJson From(EngineOutcome outcome)
    {
        OutcomeSummary summary = OutcomeSummary.From(outcome);
        return new(
            summary.Outcome,
            summary.Reason,
            summary.Kind,
            summary.ApiId,
            summary.Stage,
            summary.FunctionArn,
            summary.Qualifier,
            summary.StatementId,
            summary.SourceArn,
            outcome.Notified,
            summary.OpsItemId,
            summary.Detail);
    }
}

/// <summary>Source-generated JSON for <see cref="OutcomeJson"/>; absent values are written as null so every line has every key.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(OutcomeJson))]
internal sealed partial class ReplayJsonContext : JsonSerializerContext;
