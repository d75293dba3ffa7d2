namespace Remediator.Core.Policy;

/// <summary>
/// The request's condition keys and values. Keys are case-insensitive as in IAM
/// (<c>aws:SourceArn</c> is <c>AWS:SourceArn</c>); a key may carry several values.
/// </summary>
public sealed class ConditionContext
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values;

    private ConditionContext(Dictionary<string, IReadOnlyList<string>> values) => _values = values;

    public static ConditionContext Empty { get; } = new(new(StringComparer.OrdinalIgnoreCase));

    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>Builds a context; repeated keys (in any case) accumulate values in order.</summary>
    public static ConditionContext From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            ArgumentNullException.ThrowIfNull(value);
            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
            }

            list.Add(value);
        }

        return new ConditionContext(values.ToDictionary(
            kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.AsReadOnly(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The values of <paramref name="key"/>, or an empty list when the request does not carry it.</summary>
    public IReadOnlyList<string> ValuesOf(string key) => _values.TryGetValue(key, out var values) ? values : [];
}
