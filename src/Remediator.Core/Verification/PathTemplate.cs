namespace Remediator.Core.Verification;

/// <summary>
/// Matches a concrete request path against an API Gateway path template the way API Gateway selects
/// resources and routes: <c>{name}</c> takes exactly one non-empty segment, <c>{name+}</c> (only last)
/// takes one or more, everything else must be equal (ordinal: paths are case-sensitive).
/// </summary>
public static class PathTemplate
{
    /// <summary>
    /// The match's specificity, or null when <paramref name="template"/> does not match <paramref name="path"/>.
    /// Lower ranks are more specific (see <see cref="PathSpecificity"/>).
    /// </summary>
    public static PathSpecificity? Match(string template, string path)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(path);
        if (!template.StartsWith('/') || !path.StartsWith('/'))
        {
            return null;
        }

        string[] templateSegments = Segments(template);
        string[] pathSegments = Segments(path);
        var kinds = new SegmentKind[templateSegments.Length];
        for (int i = 0; i < templateSegments.Length; i++)
        {
            SegmentKind kind = KindOf(templateSegments[i]);
            kinds[i] = kind;
            if (kind == SegmentKind.Greedy)
            {
                // Greedy only at the end, and it needs at least one segment of its own.
                return i == templateSegments.Length - 1 && pathSegments.Length > i && AllNonEmpty(pathSegments.AsSpan(i))
                    ? new PathSpecificity(kinds)
                    : null;
            }

            if (i >= pathSegments.Length)
            {
                return null;
            }

            bool matches = kind == SegmentKind.Parameter
                ? pathSegments[i].Length > 0
                : string.Equals(templateSegments[i], pathSegments[i], StringComparison.Ordinal);
            if (!matches)
            {
                return null;
            }
        }

        return templateSegments.Length == pathSegments.Length ? new PathSpecificity(kinds) : null;
    }

    /// <summary>True when the template contains a <c>{name}</c> or <c>{name+}</c> segment.</summary>
    public static bool HasParameters(string template) =>
        Segments(template).Any(segment => KindOf(segment) != SegmentKind.Literal);

    // "/" has no segments; one trailing slash is not a segment of its own ("/pets/" is "/pets").
    private static string[] Segments(string path)
    {
        string trimmed = path.Length > 1 && path.EndsWith('/') ? path[1..^1] : path[1..];
        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }

    private static SegmentKind KindOf(string segment) =>
        segment.Length > 2 && segment[0] == '{' && segment[^1] == '}'
            ? segment[^2] == '+' ? SegmentKind.Greedy : SegmentKind.Parameter
            : SegmentKind.Literal;

    private static bool AllNonEmpty(ReadOnlySpan<string> segments)
    {
        foreach (string segment in segments)
        {
            if (segment.Length == 0)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What one template segment is.</summary>
public enum SegmentKind
{
    /// <summary>Text that must be equal.</summary>
    Literal,

    /// <summary><c>{name}</c>: one segment.</summary>
    Parameter,

    /// <summary><c>{name+}</c>: the rest of the path.</summary>
    Greedy,
}
