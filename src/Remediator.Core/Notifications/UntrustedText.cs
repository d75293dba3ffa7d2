using System.Buffers;
using System.Globalization;
using System.Text;

namespace Remediator.Core.Notifications;

/// <summary>
/// Makes text that reached Remediator from a log or from a resource's own names safe to show a person
/// (docs/ARCHITECTURE.md, "Safety rules" 12): control and format characters removed, bounded, quoted when it is
/// someone else's words. Total: any string in, valid UTF-16 out, never an exception for any input.
/// </summary>
public static class UntrustedText
{
    /// <summary>Ends text that was cut, so a reader sees that something is missing.</summary>
    public const string TruncationMarker = " [truncated]";

    /// <summary>
    /// The text without Unicode control (Cc), format (Cf: bidirectional overrides, zero-width and tag characters),
    /// line and paragraph separator (Zl, Zp) and private-use (Co) characters, and without lone surrogates; line breaks
    /// and tabs become spaces, so the result is one line. Null becomes empty.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Printable ASCII is the common case and needs no copy.
        int first = text.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, first);
        ReadOnlySpan<char> rest = text.AsSpan(first);
        while (!rest.IsEmpty)
        {
            OperationStatus status = Rune.DecodeFromUtf16(rest, out Rune rune, out int consumed);
            consumed = Math.Max(consumed, 1);
            if (status == OperationStatus.Done)
            {
                if (IsBreak(rune))
                {
                    clean.Append(' ');
                }
                else if (!IsRemoved(Rune.GetUnicodeCategory(rune)))
                {
                    clean.Append(rest[..consumed]);
                }
            }

            // Anything else is a lone surrogate, which no encoder can carry: dropped.
            rest = rest[consumed..];
        }

        return clean.ToString();
    }

    /// <summary>
    /// <see cref="Clean"/>ed text of at most <paramref name="maxChars"/> UTF-16 code units; longer text is cut (never
    /// inside a surrogate pair) and ends with <see cref="TruncationMarker"/>.
    /// </summary>
    public static string Line(string? text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, TruncationMarker.Length + 1);
        string clean = Clean(text);
        return clean.Length <= maxChars ? clean : string.Concat(Cut(clean, maxChars - TruncationMarker.Length), TruncationMarker);
    }

    /// <summary>
    /// Someone else's words, marked as such: the <see cref="Clean"/>ed text (its first <paramref name="maxChars"/>
    /// code units) between double quotes, with <c>\</c> and <c>"</c> escaped so the text cannot end the quote
    /// itself; a cut is marked after the closing quote.
    /// </summary>
    public static string Quote(string? text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        string clean = Clean(text);
        bool cut = clean.Length > maxChars;
        ReadOnlySpan<char> kept = cut ? Cut(clean, maxChars) : clean;
        var quoted = new StringBuilder(kept.Length + 16);
        quoted.Append('"');
        foreach (char c in kept)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        quoted.Append('"');
        return cut ? quoted.Append(TruncationMarker).ToString() : quoted.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> in at most <paramref name="maxBytes"/> bytes of UTF-8: longer text is cut (never inside
    /// a UTF-8 sequence or a surrogate pair) and ends with <see cref="TruncationMarker"/>. Line breaks are kept: use it
    /// on whole messages built of clean fields.
    /// </summary>
    public static string FitUtf8(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        int budget = maxBytes - TruncationMarker.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 0, nameof(maxBytes));

        // A UTF-16 code unit is at most 3 UTF-8 bytes (a pair of them 4), so short text needs no count.
        if ((long)text.Length * 3 <= maxBytes || Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        int bytes = 0;
        int end = 0;
        while (end < text.Length)
        {
            bool pair = char.IsHighSurrogate(text[end]) && end + 1 < text.Length && char.IsLowSurrogate(text[end + 1]);
            int size = pair ? 4 : Utf8Size(text[end]);
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            end += pair ? 2 : 1;
        }

        return string.Concat(text.AsSpan(0, end), TruncationMarker);
    }

    /// <summary>Only the characters of <paramref name="text"/> in <paramref name="allowed"/> (e.g. a subject's printable ASCII); the rest are dropped.</summary>
    public static string Only(string text, SearchValues<char> allowed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allowed);
        if (!text.AsSpan().ContainsAnyExcept(allowed))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (allowed.Contains(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    // Clean text holds surrogates only in pairs: never end on the first half of one.
    private static ReadOnlySpan<char> Cut(string clean, int length) =>
        clean.AsSpan(0, length > 0 && char.IsHighSurrogate(clean[length - 1]) ? length - 1 : length);

    private static bool IsBreak(Rune rune) =>
        rune.Value is '\t' or '\n' or '\v' or '\f' or '\r' or 0x85 or 0x2028 or 0x2029;

    private static bool IsRemoved(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse;

    // A lone surrogate is written as U+FFFD, three bytes.
    private static int Utf8Size(char c) => c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
}
