namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// Matches concrete paths against API Gateway path templates: literal segments, <c>{name}</c> (one segment)
/// and a trailing <c>{name+}</c> (one or more). The most specific template wins, segment by segment, as
/// API Gateway picks literals over parameters over greedy parameters.
/// </summary>
internal static class RouteTemplate
{
    /// <summary>Path parameters when <paramref name="template"/> matches <paramref name="path"/>, else null.</summary>
    public static IReadOnlyDictionary<string, string>? Match(string template, string path)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(path);
        var parts = Split(template);
        var segments = Split(path);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith('{') && part.EndsWith("+}", StringComparison.Ordinal))
            {
                if (i != parts.Length - 1 || segments.Length <= i)
                {
                    return null;
                }

                values[part[1..^2]] = string.Join('/', segments[i..]);
                return values;
            }

            if (i >= segments.Length)
            {
                return null;
            }

            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                values[part[1..^1]] = segments[i];
            }
            else if (!part.Equals(segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return parts.Length == segments.Length ? values : null;
    }

    /// <summary>Sort key: higher is more specific (2 per literal, 1 per parameter, 0 for greedy), by position.</summary>
    public static IReadOnlyList<int> Specificity(string template) =>
        Split(template).Select(p => p.EndsWith("+}", StringComparison.Ordinal) ? 0 : p.StartsWith('{') ? 1 : 2).ToList();

    /// <summary>The most specific of several matching candidates.</summary>
    public static T? MostSpecific<T>(IEnumerable<T> candidates, Func<T, string> template)
        where T : class =>
        candidates.OrderByDescending(c => Specificity(template(c)), SpecificityComparer.Instance).FirstOrDefault();

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private sealed class SpecificityComparer : IComparer<IReadOnlyList<int>>
    {
        public static readonly SpecificityComparer Instance = new();

        public int Compare(IReadOnlyList<int>? x, IReadOnlyList<int>? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
