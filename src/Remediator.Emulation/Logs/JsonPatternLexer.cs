namespace Remediator.Emulation.Logs;

/// <summary>Splits a JSON filter pattern such as <c>{ ($.a = "x") &amp;&amp; $.b[0] &gt;= 2 }</c> into tokens.</summary>
internal static class JsonPatternLexer
{
    // Characters that end a bare word because they start another token.
    private const string Delimiters = "(){}\"&|=!<>%";

    public static List<JsonPatternToken> Tokenize(string pattern)
    {
        var tokens = new List<JsonPatternToken>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '{':
                    tokens.Add(new(JsonPatternTokenKind.OpenBrace, "{", start));
                    i++;
                    break;
                case '}':
                    tokens.Add(new(JsonPatternTokenKind.CloseBrace, "}", start));
                    i++;
                    break;
                case '(':
                    tokens.Add(new(JsonPatternTokenKind.OpenParen, "(", start));
                    i++;
                    break;
                case ')':
                    tokens.Add(new(JsonPatternTokenKind.CloseParen, ")", start));
                    i++;
                    break;
                case '&':
                    tokens.Add(new(JsonPatternTokenKind.And, Pair(pattern, ref i, '&'), start));
                    break;
                case '|':
                    tokens.Add(new(JsonPatternTokenKind.Or, Pair(pattern, ref i, '|'), start));
                    break;
                case '=' or '!' or '<' or '>':
                    tokens.Add(new(JsonPatternTokenKind.Operator, ReadOperator(pattern, ref i), start));
                    break;
                case '"':
                    tokens.Add(new(JsonPatternTokenKind.QuotedString, PatternText.ReadQuoted(pattern, ref i), start));
                    break;
                case '%':
                    var end = pattern.IndexOf('%', i + 1);
                    if (end < 0)
                    {
                        throw new FilterPatternException("regular expression is missing its closing %", start);
                    }

                    tokens.Add(new(JsonPatternTokenKind.Regex, pattern[(i + 1)..end], start));
                    i = end + 1;
                    break;
                default:
                    while (i < pattern.Length && !char.IsWhiteSpace(pattern[i]) && !Delimiters.Contains(pattern[i], StringComparison.Ordinal))
                    {
                        i++;
                    }

                    var word = pattern[start..i];
                    var kind = word.StartsWith('$') ? JsonPatternTokenKind.Selector : JsonPatternTokenKind.Word;
                    tokens.Add(new(kind, word, start));
                    break;
            }
        }

        tokens.Add(new(JsonPatternTokenKind.End, string.Empty, pattern.Length));
        return tokens;
    }

    private static string Pair(string pattern, ref int i, char c)
    {
        if (i + 1 >= pattern.Length || pattern[i + 1] != c)
        {
            throw new FilterPatternException($"expected '{c}{c}'", i);
        }

        i += 2;
        return new string(c, 2);
    }

    private static string ReadOperator(string pattern, ref int i)
    {
        var c = pattern[i];
        var followedByEquals = i + 1 < pattern.Length && pattern[i + 1] == '=';
        if (c == '!' && !followedByEquals)
        {
            throw new FilterPatternException("expected '!='", i);
        }

        if (c != '=' && followedByEquals)
        {
            i += 2;
            return $"{c}=";
        }

        i++;
        return c.ToString();
    }
}
