using System.Text.Json;

namespace Remediator.Lambda.Tests.TestSupport;

/// <summary>Reads what the handler or the process wrote: every line must be one JSON object (Lambda's
/// JSON log format and EMF both require it).</summary>
public static class LogLines
{
    public static IReadOnlyList<JsonElement> Parse(IEnumerable<string> lines) =>
        [.. lines.Where(line => line.Length > 0).Select(line =>
        {
            using JsonDocument document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return document.RootElement.Clone();
        })];

    /// <summary>Outcome lines (those with an <c>outcome</c> field).</summary>
    public static IReadOnlyList<JsonElement> Outcomes(IEnumerable<string> lines) =>
        [.. Parse(lines).Where(line => line.TryGetProperty("outcome", out _))];

    /// <summary>EMF documents (those with an <c>_aws</c> metadata object).</summary>
    public static IReadOnlyList<JsonElement> Metrics(IEnumerable<string> lines) =>
        [.. Parse(lines).Where(line => line.TryGetProperty("_aws", out _))];

    /// <summary>The sum of one metric over all EMF documents.</summary>
    public static double MetricTotal(IEnumerable<string> lines, string metric) =>
        Metrics(lines).Sum(document => document.TryGetProperty(metric, out JsonElement value) ? value.GetDouble() : 0);
}
