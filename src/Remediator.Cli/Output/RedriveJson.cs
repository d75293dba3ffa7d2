using System.Text.Json.Serialization;
using Remediator.Core.Redrive;

namespace Remediator.Cli.Output;

/// <summary>One line of <c>redrive --output json</c>: the fate of one dead-letter message.</summary>
internal sealed record RedriveJson(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("requestId")] string? RequestId,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("outcomes")] IReadOnlyList<string> Outcomes,
    [property: JsonPropertyName("dryRun")] bool DryRun)
{
    public static RedriveJson From(RedriveItem item, bool dryRun) => new(
        item.Status.ToString(),
        item.MessageId,
        item.RequestId,
        item.Detail,
        [.. (item.Result?.Outcomes ?? []).Select(o => $"{o.Outcome}({o.Reason})")],
        dryRun);
}
