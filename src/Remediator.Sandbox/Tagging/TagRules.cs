namespace Remediator.Sandbox.Tagging;

/// <summary>
/// Tag rules every tagging service here shares: keys under <c>aws:</c> (any case) belong to AWS. Through the public
/// APIs nobody can set them, as in AWS; CloudFormation sets <c>aws:cloudformation:*</c> on what a stack creates, which
/// the sandbox offers only as the test hook <c>POST /_sandbox/tags</c>.
/// </summary>
internal static class TagRules
{
    public const string ReservedPrefix = "aws:";

    public const int MaxKeyLength = 128;

    public const int MaxValueLength = 256;

    /// <summary>The first key AWS reserves for itself, or null.</summary>
    public static string? FirstReserved(IEnumerable<string>? keys) =>
        keys?.FirstOrDefault(k => k.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first key or value out of bounds, described; null when all fit.</summary>
    public static string? Oversized(IReadOnlyDictionary<string, string>? tags) =>
        tags?.Where(t => t.Key.Length is 0 or > MaxKeyLength || t.Value.Length > MaxValueLength)
            .Select(t => $"tag {t.Key[..Math.Min(t.Key.Length, 40)]}: keys take 1 to {MaxKeyLength} characters, values at most {MaxValueLength}")
            .FirstOrDefault();

    /// <summary>The tags with <paramref name="added"/> laid over them (TagResource adds or replaces, never removes).</summary>
    public static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string>? existing, IReadOnlyDictionary<string, string>? added)
    {
        var merged = new Dictionary<string, string>(existing ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in added ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>The tags without <paramref name="keys"/>; null when none are left, as API Gateway omits empty maps.</summary>
    public static Dictionary<string, string>? Without(IReadOnlyDictionary<string, string>? existing, IEnumerable<string> keys)
    {
        var left = new Dictionary<string, string>(existing ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var key in keys)
        {
            left.Remove(key);
        }

        return left.Count == 0 ? null : left;
    }
}
