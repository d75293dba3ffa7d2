using System.Text.Json;
using System.Text.RegularExpressions;
using Remediator.Core.Configuration;

namespace Remediator.Core.Observability;

/// <summary>Formats CloudWatch Embedded Metric Format documents: one JSON line per (mode, kind) with
/// <c>_aws.Timestamp</c> (epoch milliseconds) and one metric directive whose dimension sets are
/// <c>[Mode]</c> and <c>[Mode, Kind]</c>, so totals per mode and splits per kind both exist.</summary>
public static partial class EmbeddedMetricFormatter
{
    /// <summary>One document per distinct kind among <paramref name="entries"/> (kind-less outcomes under
    /// <see cref="ObservabilityNames.NoKind"/>), ordered by kind; empty when there are no entries.</summary>
    public static IReadOnlyList<string> Format(
        DateTimeOffset timestamp, RemediatorMode mode, IEnumerable<OutcomeLogEntry> entries, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries
            .GroupBy(entry => KindDimensionValue(entry.Kind), StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Format(timestamp, mode, group.Key,
                group.Aggregate(default(MetricCounts), (sum, entry) => sum + MetricCounts.Of(entry)), requestId))
            .ToList();
    }

    /// <summary>One document for one kind. <paramref name="kind"/> is bounded through
    /// <see cref="KindDimensionValue"/>; the request id is a plain property, never a dimension.</summary>
    public static string Format(
        DateTimeOffset timestamp, RemediatorMode mode, string? kind, MetricCounts counts, string? requestId = null)
    {
        string kindValue = KindDimensionValue(kind);
        IReadOnlyList<int> values = counts.InMetricOrder();
        return StructuredLogFormatter.Write(writer =>
        {
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", ObservabilityNames.Namespace);
            writer.WriteStartArray("Dimensions");
            WriteStrings(writer, ObservabilityNames.ModeDimension);
            WriteStrings(writer, ObservabilityNames.ModeDimension, ObservabilityNames.KindDimension);
            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            foreach (string metric in ObservabilityNames.Metrics)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", metric);
                writer.WriteString("Unit", ObservabilityNames.CountUnit);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();

            writer.WriteString(ObservabilityNames.ModeDimension, mode.ToConfigValue());
            writer.WriteString(ObservabilityNames.KindDimension, kindValue);
            for (int i = 0; i < values.Count; i++)
            {
                writer.WriteNumber(ObservabilityNames.Metrics[i], values[i]);
            }

            if (requestId is not null)
            {
                writer.WriteString(ObservabilityNames.RequestId, requestId);
            }
        });
    }

    /// <summary>The Kind dimension value: catalogue kinds are short PascalCase words; anything else
    /// collapses to <see cref="ObservabilityNames.OtherKind"/> so no log content can mint new metrics.</summary>
    public static string KindDimensionValue(string? kind) =>
        kind is null ? ObservabilityNames.NoKind
        : CatalogueKind().IsMatch(kind) ? kind
        : ObservabilityNames.OtherKind;

    [GeneratedRegex("^[A-Z][A-Za-z]{0,63}$")]
    private static partial Regex CatalogueKind();

    private static void WriteStrings(Utf8JsonWriter writer, params string[] values)
    {
        writer.WriteStartArray();
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
