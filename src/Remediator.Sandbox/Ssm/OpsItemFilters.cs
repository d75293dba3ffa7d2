namespace Remediator.Sandbox.Ssm;

/// <summary>DescribeOpsItems' filters: the keys Remediator and operators use, with Equal and Contains.</summary>
internal static class OpsItemFilters
{
    private static readonly string[] FilterKeys = ["Status", "OpsItemId", "Source", "Title", "Severity", "Category", "OpsItemType", "OperationalDataValue"];

    /// <summary>True when the sandbox evaluates <paramref name="filter"/> (a known key, Equal or Contains, at least one value).</summary>
    public static bool IsSupported(OpsItemFilter filter) =>
        filter.Key is not null && FilterKeys.Contains(filter.Key) && filter.Operator is ("Equal" or "Contains") && filter.Values is { Count: > 0 };

    /// <summary>True when <paramref name="item"/> passes the (supported) <paramref name="filter"/>.</summary>
    public static bool Matches(OpsItem item, OpsItemFilter filter)
    {
        var candidates = filter.Key == "OperationalDataValue"
            ? item.OperationalData.Values.Select(v => v.Value ?? string.Empty)
            : [Field(filter.Key!, item) ?? string.Empty];
        return candidates.Any(candidate => filter.Values!.Any(value => filter.Operator == "Equal"
            ? candidate.Equals(value, StringComparison.Ordinal)
            : candidate.Contains(value, StringComparison.OrdinalIgnoreCase)));
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
