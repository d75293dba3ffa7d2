using System.Text.Json.Serialization;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using Remediator.Core.Observability;

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
    /// <summary>Summarises one engine outcome; text fields are cleaned and bounded as log fields are (docs/ARCHITECTURE.md, "Safety rules" 12).</summary>
    public static OutcomeSummary From(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new OutcomeSummary(
            outcome.Outcome.ToString(),
            outcome.Reason.ToString(),
            outcome.Kind?.ToString(),
            Text(outcome.ApiId),
            Text(outcome.Stage),
            Text(outcome.FunctionArn),
            Text(outcome.Qualifier),
            Text(outcome.StatementId),
            Text(outcome.SourceArn),
            Text(outcome.StatementJson),
            [.. outcome.Verified.Select(step => UntrustedText.Line(step, StructuredLogFormatter.MaxFieldChars))],
            Text(outcome.NotificationId),
            Text(outcome.OpsItemId),
            UntrustedText.Line(outcome.Detail, StructuredLogFormatter.MaxFieldChars));
    }

    private static string? Text(string? value) => value is null ? null : UntrustedText.Line(value, StructuredLogFormatter.MaxFieldChars);
}
