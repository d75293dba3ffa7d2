namespace Remediator.Emulation.Logs;

/// <summary>
/// An unstructured pattern: every plain term must appear, at least one <c>?</c> term must appear when there
/// are any, and no <c>-</c> term may appear.
/// </summary>
internal sealed record TermPattern(
    IReadOnlyList<FilterTerm> Required,
    IReadOnlyList<FilterTerm> Alternatives,
    IReadOnlyList<FilterTerm> Excluded)
{
    public bool Matches(string message)
    {
        foreach (var term in Required)
        {
            if (!term.Matches(message))
            {
                return false;
            }
        }

        foreach (var term in Excluded)
        {
            if (term.Matches(message))
            {
                return false;
            }
        }

        if (Alternatives.Count == 0)
        {
            return true;
        }

        foreach (var term in Alternatives)
        {
            if (term.Matches(message))
            {
                return true;
            }
        }

        return false;
    }

    public static TermPattern Parse(string pattern)
    {
        var required = new List<FilterTerm>();
        var alternatives = new List<FilterTerm>();
        var excluded = new List<FilterTerm>();
        var i = 0;
        while (true)
        {
            while (i < pattern.Length && char.IsWhiteSpace(pattern[i]))
            {
                i++;
            }

            if (i >= pattern.Length)
            {
                break;
            }

            var target = required;
            if (pattern[i] == '?')
            {
                target = alternatives;
                i++;
            }
            else if (pattern[i] == '-')
            {
                target = excluded;
                i++;
            }

            target.Add(ReadTerm(pattern, ref i));
        }

        return new TermPattern(required, alternatives, excluded);
    }

    private static FilterTerm ReadTerm(string pattern, ref int i)
    {
        var start = i;
        if (i >= pattern.Length || char.IsWhiteSpace(pattern[i]))
        {
            throw new FilterPatternException("an operator must be followed by a term", start);
        }

        FilterTerm term;
        if (pattern[i] == '"')
        {
            term = FilterTerm.Literal(PatternText.ReadQuoted(pattern, ref i));
        }
        else if (pattern[i] == '%')
        {
            var end = pattern.IndexOf('%', i + 1);
            if (end < 0)
            {
                throw new FilterPatternException("regular expression is missing its closing %", start);
            }

            term = FilterTerm.Regex(pattern[(i + 1)..end], start);
            i = end + 1;
        }
        else
        {
            while (i < pattern.Length && !char.IsWhiteSpace(pattern[i]))
            {
                if (pattern[i] == '"')
                {
                    throw new FilterPatternException("a quote may only start a term", i);
                }

                i++;
            }

            term = FilterTerm.Literal(pattern[start..i]);
        }

        if (i < pattern.Length && !char.IsWhiteSpace(pattern[i]))
        {
            throw new FilterPatternException("terms must be separated by spaces", i);
        }

        return term;
    }
}
