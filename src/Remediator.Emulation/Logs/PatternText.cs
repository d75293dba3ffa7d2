using System.Text;

namespace Remediator.Emulation.Logs;

/// <summary>Lexical helpers shared by the unstructured and JSON pattern parsers.</summary>
internal static class PatternText
{
    /// <summary>Reads a double-quoted string starting at <paramref name="i"/>; <c>\"</c> and <c>\\</c> are escapes.</summary>
    public static string ReadQuoted(string pattern, ref int i)
    {
        var start = i;
        var text = new StringBuilder();
        i++;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && (pattern[i + 1] == '"' || pattern[i + 1] == '\\'))
            {
                text.Append(pattern[i + 1]);
                i += 2;
                continue;
            }

            if (c == '"')
            {
                i++;
                return text.ToString();
            }

            text.Append(c);
            i++;
        }

        throw new FilterPatternException("quoted term is missing its closing quote", start);
    }
}
