using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class WildcardMatcherTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything/at:all", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("a*c", "ac", true)]
    [InlineData("a*c", "abbbc", true)]
    [InlineData("a*c", "abbbd", false)]
    [InlineData("*/GET/*", "prod/GET/pets/42", true)]
    [InlineData("*/GET/*", "prod/POST/pets", false)]
    [InlineData("lambda*", "lambda-fn", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXcYb", false)]
    [InlineData("**", "x", true)]
    [InlineData("?", "", false)]
    // A literal '*' in the value is just a character; only the pattern's '*' is a wildcard.
    [InlineData("a", "*", false)]
    public void IsMatch_CaseSensitive_MatchesLikeIam(string pattern, string value, bool expected) =>
        Assert.Equal(expected, WildcardMatcher.IsMatch(pattern, value, ignoreCase: false));

    [Theory]
    [InlineData("lambda:InvokeFunction", "lambda:invokefunction", false, false)]
    [InlineData("lambda:InvokeFunction", "lambda:invokefunction", true, true)]
    [InlineData("LAMBDA:*", "lambda:InvokeFunction", true, true)]
    [InlineData("lambda:Invoke?unction", "LAMBDA:INVOKEFUNCTION", true, true)]
    public void IsMatch_IgnoreCase_OnlyWhenAsked(string pattern, string value, bool ignoreCase, bool expected) =>
        Assert.Equal(expected, WildcardMatcher.IsMatch(pattern, value, ignoreCase));

    // Function-name filters and CloudWatch Logs JSON filter values: '*' is the only wildcard, '?' is a character.
    [Theory]
    [InlineData("a?c", "abc", false)]
    [InlineData("a?c", "a?c", true)]
    [InlineData("?", "x", false)]
    [InlineData("?*", "?anything", true)]
    [InlineData("orders-*", "orders-api", true)]
    [InlineData("orders-*", "Orders-api", false)]
    [InlineData("*-prod", "billing-prod-2", false)]
    [InlineData("*ERROR*", "an ERROR here", true)]
    [InlineData("a*b*c", "aXXcYYb", false)]
    [InlineData("*", "", true)]
    [InlineData("", "x", false)]
    public void IsMatch_QuestionMarkOff_OnlyStarIsAWildcard(string pattern, string value, bool expected) =>
        Assert.Equal(expected, WildcardMatcher.IsMatch(pattern, value, ignoreCase: false, questionMark: false));

    [Theory]
    [InlineData("", false)]
    [InlineData("abc", false)]
    [InlineData("a*", true)]
    [InlineData("a?c", true)]
    public void HasWildcard_StarOrQuestionMark(string text, bool expected) =>
        Assert.Equal(expected, WildcardMatcher.HasWildcard(text));

    [Fact]
    public void IsMatch_PathologicalPattern_FinishesWithoutBacktrackingBlowUp()
    {
        var pattern = string.Concat(Enumerable.Repeat("a*", 200)) + "b";
        var value = new string('a', 5000);

        Assert.False(WildcardMatcher.IsMatch(pattern, value, ignoreCase: false));
    }
}
