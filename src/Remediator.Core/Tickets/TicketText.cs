using System.Globalization;
using System.Text;

namespace Remediator.Core.Tickets;

/// <summary>
/// How text reaches an OpsItem (docs/ARCHITECTURE.md, "Safety rules" 12): control characters become spaces,
/// Unicode format characters (bidirectional overrides, zero-width characters) are removed, and every value is cut
/// to its bound with an ellipsis, by characters for the title and description, by UTF-8 bytes for operational data.
/// </summary>
public static class TicketText
{
    /// <summary>OpsCenter's title limit (botocore's ssm model, <c>OpsItemTitle</c>).</summary>
    public const int MaxTitleLength = 1024;

    /// <summary>OpsCenter's description limit (botocore's ssm model, <c>OpsItemDescription</c>).</summary>
    public const int MaxDescriptionLength = 2048;

    /// <summary>OpsCenter's operational data value limit, 20 KB (UTF-8 bytes).</summary>
    public const int MaxDataValueBytes = 20 * 1024;

    private const string Ellipsis = "...";

    /// <summary>One line of untrusted text: control characters (line breaks included) become spaces, format characters go.</summary>
    public static string Line(string? text) => Clean(text, keepLineBreaks: false);

    /// <summary>Several lines: as <see cref="Line"/>, but line feeds stay (carriage returns and other controls become spaces).</summary>
    public static string Lines(string? text) => Clean(text, keepLineBreaks: true);

    /// <summary><paramref name="text"/> cut to at most <paramref name="maxLength"/> characters, never inside a surrogate pair.</summary>
    public static string Clip(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length + 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        int keep = maxLength - Ellipsis.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), Ellipsis);
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="maxBytes"/> UTF-8 bytes, on a character boundary.</summary>
    public static string ClipBytes(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, Ellipsis.Length + 4);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        int budget = maxBytes - Ellipsis.Length;
        var kept = new StringBuilder();
        int used = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            used += rune.Utf8SequenceLength;
            if (used > budget)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return kept.Append(Ellipsis).ToString();
    }

    private static string Clean(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clean = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c == '\n' && keepLineBreaks)
            {
                clean.Append(c);
            }
            else if (char.IsControl(c))
            {
                clean.Append(' ');
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }
}
