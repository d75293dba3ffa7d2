using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Configuration;

namespace Remediator.Core.Tests.Configuration;

public class FunctionNameFilterTests
{
    [Theory]
    [InlineData("orders", "orders", true)]
    [InlineData("orders", "Orders", false)]
    [InlineData("orders", "orders-api", false)]
    [InlineData("orders-*", "orders-api", true)]
    [InlineData("orders-*", "orders-", true)]
    [InlineData("orders-*", "order", false)]
    [InlineData("*-prod", "billing-prod", true)]
    [InlineData("*-prod", "billing-prod-2", false)]
    [InlineData("*api*", "my-api-fn", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXcYYb", false)]
    [InlineData("*", "", true)]
    [InlineData("**", "anything", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    public void Matches_Catalogue(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, FunctionNameFilter.Matches(pattern, name));
    }

    [Fact]
    public void Matches_PatternWithoutWildcards_IsOrdinalEquality()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<string>().Filter(s => s is not null && !s.Contains('*', StringComparison.Ordinal)),
            ArbMap.Default.ArbFor<string>().Filter(s => s is not null),
            (pattern, name) => FunctionNameFilter.Matches(pattern, name) == string.Equals(pattern, name, StringComparison.Ordinal))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Matches_PrefixStar_MatchesEveryExtension()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<string>().Filter(s => s is not null && !s.Contains('*', StringComparison.Ordinal)),
            ArbMap.Default.ArbFor<string>().Filter(s => s is not null),
            (prefix, rest) => FunctionNameFilter.Matches(prefix + "*", prefix + rest))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Permits_NoPatterns_AllowsEverything()
    {
        Assert.True(FunctionNameFilter.AllowAll.Permits("anything"));
    }

    [Fact]
    public void Permits_AllowList_AllowsOnlyMatches()
    {
        var filter = new FunctionNameFilter(["orders-*", "payments"], []);

        Assert.True(filter.Permits("orders-api"));
        Assert.True(filter.Permits("payments"));
        Assert.False(filter.Permits("inventory"));
    }

    [Fact]
    public void Permits_DenyMatch_WinsOverAllow()
    {
        var filter = new FunctionNameFilter(["orders-*"], ["*-critical"]);

        Assert.False(filter.Permits("orders-critical"));
        Assert.True(filter.Permits("orders-api"));
    }

    [Fact]
    public void Equals_SameContent_IsEqual()
    {
        var left = new FunctionNameFilter(["a", "b"], ["c"]);
        var right = new FunctionNameFilter(new List<string> { "a", "b" }, new[] { "c" });

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, new FunctionNameFilter(["b", "a"], ["c"]));
        Assert.NotEqual(left, new FunctionNameFilter(["a", "b"], []));
    }
}
