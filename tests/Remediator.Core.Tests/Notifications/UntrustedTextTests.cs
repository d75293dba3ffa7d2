using System.Buffers;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Notifications;

namespace Remediator.Core.Tests.Notifications;

public class UntrustedTextTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(2000);

    // What an attacker would reach for: controls, bidi overrides and isolates, zero-width and tag characters,
    // separators, private use (BMP and supplementary), lone and paired surrogates, text posing as Remediator's own.
    private static readonly string[] Pieces =
    [
        "a", "Z", "7", " ", "\"", "\\", "/", "é", "中", "Remediator: fixed.", "\n", "\r\n", "\t", "\0", "\u001b[31m", "\u007f",
        "\u0085", "\u009b", "\u200b", "\u200d", "\u200e", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029", "\ufeff",
        "\ue000", "\ud800", "\udc00", "\ud83d\ude00", "\udb40\udc41", "\udb80\udc00", "\u00ad", "\u061c",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)).Select(s => string.Concat(Enumerable.Repeat(s, 40))));

    [Fact]
    public void Clean_AnyText_HasNoControlFormatSeparatorOrPrivateUseCharacterAndIsValidUtf16()
    {
        Prop.ForAll(Hostile.ToArbitrary(), text =>
        {
            string clean = UntrustedText.Clean(text);
            return IsSafe(clean) && clean.Length <= text.Length;
        }).Check(Config);
    }

    [Fact]
    public void Line_AnyTextAndCap_IsSafeAndWithinTheCap()
    {
        Prop.ForAll(Hostile.ToArbitrary(), Gen.Choose(UntrustedText.TruncationMarker.Length + 1, 300).ToArbitrary(), (text, cap) =>
        {
            string line = UntrustedText.Line(text, cap);
            string clean = UntrustedText.Clean(text);
            return IsSafe(line) && line.Length <= cap
                && (clean.Length <= cap ? line == clean : line.EndsWith(UntrustedText.TruncationMarker, StringComparison.Ordinal) && clean.StartsWith(line[..^UntrustedText.TruncationMarker.Length], StringComparison.Ordinal));
        }).Check(Config);
    }

    [Fact]
    public void Quote_AnyText_IsOneQuoteTheTextCannotClose()
    {
        Prop.ForAll(Hostile.ToArbitrary(), Gen.Choose(1, 200).ToArbitrary(), (text, cap) =>
        {
            string quoted = UntrustedText.Quote(text, cap);
            (string? inside, string after) = Unquote(quoted);
            string clean = UntrustedText.Clean(text);
            return IsSafe(quoted) && inside is not null && inside.Length <= cap
                && clean.StartsWith(inside, StringComparison.Ordinal)
                && after == (inside.Length == clean.Length ? string.Empty : UntrustedText.TruncationMarker);
        }).Check(Config);
    }

    [Fact]
    public void FitUtf8_AnyCleanMessageAndBudget_FitsAndNeverSplitsACharacter()
    {
        Gen<string> messages = Hostile.ArrayOf().Select(lines => string.Join('\n', lines.Select(UntrustedText.Clean)));
        Prop.ForAll(messages.ToArbitrary(), Gen.Choose(UntrustedText.TruncationMarker.Length, 2000).ToArbitrary(), (message, budget) =>
        {
            string fitted = UntrustedText.FitUtf8(message, budget);
            bool cut = fitted != message;
            return Encoding.UTF8.GetByteCount(fitted) <= budget
                && IsValidUtf16(fitted)
                && (!cut || (fitted.EndsWith(UntrustedText.TruncationMarker, StringComparison.Ordinal)
                    && message.StartsWith(fitted[..^UntrustedText.TruncationMarker.Length], StringComparison.Ordinal)
                    && Encoding.UTF8.GetByteCount(message) > budget));
        }).Check(Config);
    }

    [Theory]
    [InlineData("pets\u202Eexe.txt", "petsexe.txt")]
    [InlineData("line one\nRemediator: all clear", "line one Remediator: all clear")]
    [InlineData("tab\there\r\nand\u2028there", "tab here  and there")]
    [InlineData("zero\u200Bwidth\u200D\uFEFF", "zerowidth")]
    [InlineData("tag\uDB40\uDC41s", "tags")]
    [InlineData("private \uE000\uDB80\uDC00 use", "private  use")]
    [InlineData("emoji \uD83D\uDE00 and é stay", "emoji \uD83D\uDE00 and é stay")]
    [InlineData("\u001b[31mred\u001b[0m", "[31mred[0m")]
    public void Clean_Examples(string text, string expected) => Assert.Equal(expected, UntrustedText.Clean(text));

    // Not an InlineData: xUnit's serialization of test data would turn lone surrogates into U+FFFD.
    [Fact]
    public void Clean_LoneSurrogates_AreDropped() =>
        Assert.Equal("lone  and  halves", UntrustedText.Clean("lone \uD800 and \uDC00 halves"));

    [Fact]
    public void Clean_PrintableAscii_IsReturnedAsIs()
    {
        const string text = "GET /pets/{id} \"quoted\" ~";

        Assert.Same(text, UntrustedText.Clean(text));
    }

    [Fact]
    public void Line_LongText_IsCutWithAVisibleMarkerAndKeepsASurrogatePairWhole()
    {
        string text = new string('a', 9) + "\uD83D\uDE00" + new string('t', 20);

        Assert.Equal("aaaaaaaaa [truncated]", UntrustedText.Line(text, 9 + 1 + UntrustedText.TruncationMarker.Length));
        Assert.Equal("aaaaaaaaa\uD83D\uDE00 [truncated]", UntrustedText.Line(text, 11 + UntrustedText.TruncationMarker.Length));
    }

    [Fact]
    public void Quote_TextWithQuotesAndBackslashes_EscapesThemAndMarksACutOutsideTheQuote()
    {
        Assert.Equal("\"say \\\"hi\\\" \\\\o/\"", UntrustedText.Quote("say \"hi\" \\o/", 100));
        Assert.Equal("\"abc\" [truncated]", UntrustedText.Quote("abcdef", 3));
    }

    [Fact]
    public void FitUtf8_MultiByteText_CutsOnCharacterBoundaries()
    {
        string text = string.Concat(Enumerable.Repeat("é中\uD83D\uDE00", 100));

        string fitted = UntrustedText.FitUtf8(text, 100);

        Assert.InRange(Encoding.UTF8.GetByteCount(fitted), 100 - 4, 100);
        Assert.True(IsValidUtf16(fitted));
        Assert.EndsWith(UntrustedText.TruncationMarker, fitted, StringComparison.Ordinal);
    }

    [Fact]
    public void FitUtf8_TextWithinBudget_IsReturnedAsIs()
    {
        string text = "short\nmessage";

        Assert.Same(text, UntrustedText.FitUtf8(text, 20));
    }

    [Fact]
    public void Only_DropsCharactersOutsideTheSet()
    {
        Assert.Equal("ab", UntrustedText.Only("a\u00e9\nb", SearchValues.Create("ab")));
    }

    internal static bool IsSafe(string text)
    {
        if (!IsValidUtf16(text))
        {
            return false;
        }

        foreach (Rune rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsValidUtf16(string text)
    {
        ReadOnlySpan<char> rest = text;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out int consumed) != OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }

    // Reads a quote back as a reader would: the text up to the first unescaped '"', and what follows it.
    private static (string? Inside, string After) Unquote(string quoted)
    {
        if (quoted.Length < 2 || quoted[0] != '"')
        {
            return (null, quoted);
        }

        var inside = new StringBuilder();
        for (int i = 1; i < quoted.Length; i++)
        {
            char c = quoted[i];
            if (c == '\\' && i + 1 < quoted.Length)
            {
                inside.Append(quoted[++i]);
            }
            else if (c == '"')
            {
                return (inside.ToString(), quoted[(i + 1)..]);
            }
            else
            {
                inside.Append(c);
            }
        }

        return (null, string.Empty);
    }
}
