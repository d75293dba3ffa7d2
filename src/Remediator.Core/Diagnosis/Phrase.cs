namespace Remediator.Core.Diagnosis;

/// <summary>
/// Compares logged text with a documented phrase the way real lines differ from the documentation: a
/// typographic apostrophe for a straight one, a final period present or not, whitespace around it. Nothing
/// else may differ (docs/ARCHITECTURE.md, "Failure catalogue").
/// </summary>
internal static class Phrase
{
    /// <summary>True when <paramref name="text"/> is exactly <paramref name="phrase"/>, up to typography.</summary>
    public static bool IsWhole(ReadOnlySpan<char> text, string phrase)
    {
        ReadOnlySpan<char> left = Core(text);
        ReadOnlySpan<char> right = Core(phrase);
        return left.Length == right.Length && StartsWithCore(left, right);
    }

    /// <summary>True when <paramref name="text"/> starts with <paramref name="phrase"/>, up to apostrophes.</summary>
    public static bool StartsWith(ReadOnlySpan<char> text, string phrase) =>
        text.Length >= phrase.Length && StartsWithCore(text, phrase);

    /// <summary>True when <paramref name="text"/> ends with <paramref name="phrase"/>, up to typography.</summary>
    /// <param name="start">Where the phrase starts in <paramref name="text"/>; -1 when it does not end it.</param>
    public static bool EndsWith(ReadOnlySpan<char> text, string phrase, out int start)
    {
        ReadOnlySpan<char> core = Core(text);
        ReadOnlySpan<char> tail = Core(phrase);
        int offset = core.Length - tail.Length;
        if (offset < 0 || !StartsWithCore(core[offset..], tail))
        {
            start = -1;
            return false;
        }

        start = text.Length - text.TrimStart().Length + offset;
        return true;
    }

    /// <summary>Where <paramref name="phrase"/> first occurs in <paramref name="text"/>, up to apostrophes; -1 when it does not.</summary>
    public static int IndexOf(ReadOnlySpan<char> text, string phrase)
    {
        if (!phrase.Contains('\'', StringComparison.Ordinal))
        {
            return text.IndexOf(phrase, StringComparison.Ordinal);
        }

        for (int at = 0; at + phrase.Length <= text.Length; at++)
        {
            if (StartsWithCore(text[at..], phrase))
            {
                return at;
            }
        }

        return -1;
    }

    // Without surrounding whitespace and one final period.
    private static ReadOnlySpan<char> Core(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        return text.EndsWith('.') ? text[..^1].TrimEnd() : text;
    }

    private static bool StartsWithCore(ReadOnlySpan<char> text, ReadOnlySpan<char> phrase)
    {
        for (int i = 0; i < phrase.Length; i++)
        {
            if (Normal(text[i]) != Normal(phrase[i]))
            {
                return false;
            }
        }

        return true;
    }

    // U+2019 and U+2018 (typographic quotes) and U+02BC (modifier apostrophe) read as the ASCII apostrophe.
    private static char Normal(char c) => c is '\u2019' or '\u2018' or '\u02BC' ? '\'' : c;
}
