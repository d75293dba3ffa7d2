using System.Text.Json;
using System.Text.Json.Nodes;

namespace Remediator.Sandbox.Ssm;

/// <summary>
/// DescribeOpsItems' filters: the keys Remediator and operators use, with Equal and Contains, and OperationalData
/// with Equal on a <c>{"key":...,"value":...}</c> pair (botocore's ssm model documents that shape). Several values
/// of one filter match any of them; several filters must all match.
/// </summary>
internal static class OpsItemFilters
{
    private const string OperationalData = "OperationalData";

    private static readonly string[] FilterKeys = ["Status", "OpsItemId", "Source", "Title", "Severity", "Category", "OpsItemType", "OperationalDataValue"];

    /// <summary>True when the sandbox evaluates <paramref name="filter"/> (a known key and operator, at least one value).</summary>
    public static bool IsSupported(OpsItemFilter filter) =>
        filter.Values is { Count: > 0 }
        && (filter.Key == OperationalData
            ? filter.Operator == "Equal" && filter.Values.All(value => Pair(value) is not null)
            : filter.Key is not null && FilterKeys.Contains(filter.Key) && filter.Operator is ("Equal" or "Contains"));

    /// <summary>True when <paramref name="item"/> passes the (supported) <paramref name="filter"/>.</summary>
    public static bool Matches(OpsItem item, OpsItemFilter filter)
    {
        if (filter.Key == OperationalData)
        {
            // Only searchable data can be searched.
            return filter.Values!.Select(Pair).Any(pair =>
                item.OperationalData.TryGetValue(pair!.Value.Key, out var value)
                && value.Type == "SearchableString"
                && string.Equals(value.Value, pair.Value.Value, StringComparison.Ordinal));
        }

        var candidates = filter.Key == "OperationalDataValue"
            ? item.OperationalData.Values.Select(v => v.Value ?? string.Empty)
            : [Field(filter.Key!, item) ?? string.Empty];
        return candidates.Any(candidate => filter.Values!.Any(value => filter.Operator == "Equal"
            ? candidate.Equals(value, StringComparison.Ordinal)
            : candidate.Contains(value, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The key and value of an OperationalData filter value; null when it is not that JSON shape.</summary>
    private static (string Key, string Value)? Pair(string value)
    {
        try
        {
            return JsonNode.Parse(value) is JsonObject pair && pair["key"]?.GetValue<string>() is { } key && pair["value"]?.GetValue<string>() is { } data
                ? (key, data)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The field a (validated) filter key reads.</summary>
    private static string? Field(string key, OpsItem item) => key switch
    {
        "Status" => item.Status,
        "OpsItemId" => item.OpsItemId,
        "Source" => item.Source,
        "Title" => item.Title,
        "Severity" => item.Severity,
        "Category" => item.Category,
        _ => item.OpsItemType,
    };
}
