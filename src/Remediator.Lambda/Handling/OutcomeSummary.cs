using System.Text.Json.Serialization;
using Remediator.Core.Engine;

namespace Remediator.Lambda.Handling;

/// <summary>One outcome in the response.</summary>
public sealed record OutcomeSummary(
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("apiId")] string? ApiId,
    [property: JsonPropertyName("stage")] string? Stage,
    [property: JsonPropertyName("functionArn")] string? FunctionArn,
    [property: JsonPropertyName("qualifier")] string? Qualifier,
    [property: JsonPropertyName("statementId")] string? StatementId,
    [property: JsonPropertyName("sourceArn")] string? SourceArn,
    [property: JsonPropertyName("statement")] string? Statement,
    [property: JsonPropertyName("verified")] IReadOnlyList<string> Verified,
    [property: JsonPropertyName("notificationId")] string? NotificationId,
    [property: JsonPropertyName("opsItemId")] string? OpsItemId,
    [property: JsonPropertyName("detail")] string Detail)
{
    /// <summary>Summarises one engine outcome.</summary>
    public static OutcomeSummary From(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new OutcomeSummary(
            outcome.Outcome.ToString(),
            outcome.Reason.ToString(),
            outcome.Kind?.ToString(),
            outcome.ApiId,
            outcome.Stage,
            outcome.FunctionArn,
            outcome.Qualifier,
            outcome.StatementId,
            outcome.SourceArn,
            outcome.StatementJson,
            outcome.Verified,
            outcome.NotificationId,
            outcome.OpsItemId,
            outcome.Detail);
    }
}
