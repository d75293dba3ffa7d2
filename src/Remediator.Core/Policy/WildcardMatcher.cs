namespace Remediator.Core.Policy;

/// <summary>
/// The one glob matcher: <c>*</c> is any run of characters (also empty) and, unless turned off, <c>?</c> is
/// exactly one. IAM's ArnLike/StringLike and action names use both; function-name filters and CloudWatch Logs
/// JSON filter values know only <c>*</c>.
/// </summary>
public static class WildcardMatcher
{
    /// <summary>True when <paramref name="value"/> matches <paramref name="pattern"/> as a whole.</summary>
    /// <param name="pattern">The glob; only its wildcards are special, a <c>*</c> in the value is a plain character.</param>
    /// <param name="value">The text to test.</param>
    /// <param name="ignoreCase">Compares letters case-insensitively (invariant culture) when true, ordinally otherwise.</param>
    /// <param name="questionMark">When false, <c>?</c> is a literal character rather than a one-character wildcard.</param>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value, bool ignoreCase, bool questionMark = true)
    {
        // Iterative with a single backtrack point: linear in practice and never exponential, so a hostile
        // pattern in a policy cannot stall an invocation (no Regex, no recursion).
        var p = 0;
        var v = 0;
        var starAt = -1;
        var resumeAt = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starAt = p++;
                resumeAt = v;
            }
            else if (p < pattern.Length && ((questionMark && pattern[p] == '?') || CharEquals(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (starAt >= 0)
            {
                p = starAt + 1;
                v = ++resumeAt;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>True when <paramref name="text"/> holds an IAM wildcard (<c>*</c> or <c>?</c>).</summary>
    public static bool HasWildcard(ReadOnlySpan<char> text) => text.IndexOfAny('*', '?') >= 0;

    private static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
