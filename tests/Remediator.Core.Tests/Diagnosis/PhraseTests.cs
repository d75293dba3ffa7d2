using Remediator.Core.Diagnosis;

namespace Remediator.Core.Tests.Diagnosis;

/// <summary>Real lines differ from the documented phrases in typography only: a typographic apostrophe, a final period, whitespace.</summary>
public class PhraseTests
{
    private const string Documented = "API Gateway doesn't have permissions to call the integration.";

    [Theory]
    [InlineData("API Gateway doesn't have permissions to call the integration.")]
    [InlineData("API Gateway doesn't have permissions to call the integration")]
    [InlineData("API Gateway doesn\u2019t have permissions to call the integration.")]
    [InlineData("API Gateway doesn\u2019t have permissions to call the integration")]
    [InlineData("API Gateway doesn\u2018t have permissions to call the integration")]
    [InlineData("API Gateway doesn\u02BCt have permissions to call the integration")]
    [InlineData("  API Gateway doesn't have permissions to call the integration. \r\n")]
    public void IsWhole_TypographicVariant_Matches(string text) => Assert.True(Phrase.IsWhole(text, Documented));

    [Theory]
    [InlineData("API Gateway doesnt have permissions to call the integration.")]
    [InlineData("API Gateway doesn't have permissions to call the integration..")]
    [InlineData("API Gateway doesn't have permissions to call the integration. Really.")]
    [InlineData("api gateway doesn't have permissions to call the integration.")]
    [InlineData("API Gateway doesn\"t have permissions to call the integration.")]
    [InlineData("X API Gateway doesn't have permissions to call the integration.")]
    [InlineData("")]
    public void IsWhole_OtherWording_DoesNotMatch(string text) => Assert.False(Phrase.IsWhole(text, Documented));

    [Fact]
    public void IsWhole_PhraseWithoutPeriod_MatchesTextWithOne() =>
        Assert.True(Phrase.IsWhole("Rate Exceeded.", "Rate Exceeded"));

    [Theory]
    [InlineData("x y. API Gateway doesn\u2019t have permissions to call the integration", 5)]
    [InlineData("x y. API Gateway doesn't have permissions to call the integration.  ", 5)]
    [InlineData(" a API Gateway doesn't have permissions to call the integration.", 3)]
    public void EndsWith_Variant_GivesWhereThePhraseStarts(string text, int start)
    {
        Assert.True(Phrase.EndsWith(text, Documented, out int at));
        Assert.Equal(start, at);
    }

    [Fact]
    public void EndsWith_PhraseNotAtTheEnd_IsFalse()
    {
        Assert.False(Phrase.EndsWith(Documented + " and more", Documented, out int at));
        Assert.Equal(-1, at);
    }

    [Theory]
    [InlineData("The role doesn\u2019t trust", "doesn't", 9)]
    [InlineData("no apostrophe here", "here", 14)]
    [InlineData("absent", "doesn't", -1)]
    public void IndexOf_FindsThePhraseUpToApostrophes(string text, string phrase, int expected) =>
        Assert.Equal(expected, Phrase.IndexOf(text, phrase));
}
