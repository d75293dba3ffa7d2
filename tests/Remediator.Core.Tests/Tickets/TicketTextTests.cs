using System.Text;
using Remediator.Core.Tickets;

namespace Remediator.Core.Tests.Tickets;

public class TicketTextTests
{
    [Theory]
    [InlineData("pets\u202Eslc.exe", "petsslc.exe")]
    [InlineData("zero\u200Bwidth\u2060joiner\uFEFF", "zerowidthjoiner")]
    [InlineData("line\nbreak\rreturn\u0007bell", "line break return bell")]
    [InlineData("\u001b[31mred", " [31mred")]
    [InlineData(null, "")]
    public void Line_UntrustedText_LosesControlAndFormatCharacters(string? text, string expected)
    {
        Assert.Equal(expected, TicketText.Line(text));
    }

    [Fact]
    public void Lines_KeepLineFeedsOnly()
    {
        Assert.Equal("a\nb  c", TicketText.Lines("a\nb\r c\u200D"));
    }

    [Fact]
    public void Clip_LongText_EndsInAnEllipsisWithinTheBound()
    {
        string clipped = TicketText.Clip(new string('x', 3000), TicketText.MaxDescriptionLength);

        Assert.Equal(TicketText.MaxDescriptionLength, clipped.Length);
        Assert.EndsWith("...", clipped, StringComparison.Ordinal);
        Assert.Equal("short", TicketText.Clip("short", 10));
    }

    [Fact]
    public void Clip_AtASurrogatePair_NeverSplitsIt()
    {
        string clipped = TicketText.Clip(new string('a', 6) + "\U0001F600" + "tail", 10);

        Assert.Equal("aaaaaa...", clipped);
    }

    [Fact]
    public void ClipBytes_MultiByteText_StaysWithinTheUtf8BoundOnACharacterBoundary()
    {
        string text = string.Concat(Enumerable.Repeat("\u00e9\U0001F600", 5000));

        string clipped = TicketText.ClipBytes(text, TicketText.MaxDataValueBytes);

        Assert.InRange(Encoding.UTF8.GetByteCount(clipped), TicketText.MaxDataValueBytes - 6, TicketText.MaxDataValueBytes);
        Assert.EndsWith("...", clipped, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(clipped)));
    }
}
