using Remediator.Aws.Signing;

namespace Remediator.Aws.Tests.Signing;

public sealed class SigV4CanonicalizerTests
{
    [Fact]
    public void CanonicalUri_LambdaArnWirePath_EncodesPercentAgain()
    {
        const string wire = "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Apets/policy";

        var canonical = SigV4Canonicalizer.CanonicalUri(wire);

        Assert.Equal("/2015-03-31/functions/arn%253Aaws%253Alambda%253Aus-east-1%253A123456789012%253Afunction%253Apets/policy", canonical);
    }

    [Fact]
    public void CanonicalUri_S3Style_KeepsWirePath()
    {
        const string wire = "/bucket/a%20key//x";

        Assert.Equal(wire, SigV4Canonicalizer.CanonicalUri(wire, encodePath: false, normalizePath: false));
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("/a/b/", "/a/b/")]
    [InlineData("/a/./b/../c", "/a/c")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/..", "/")]
    public void CanonicalUri_Normalized_RemovesDotAndEmptySegments(string path, string expected)
    {
        Assert.Equal(expected, SigV4Canonicalizer.CanonicalUri(path));
    }

    [Fact]
    public void CanonicalQueryString_SpacesPlusAndSlash_PercentEncodes()
    {
        var query = new[]
        {
            new KeyValuePair<string, string>("b", "x y+z/w"),
            new KeyValuePair<string, string>("a", "2"),
            new KeyValuePair<string, string>("a", "1"),
            new KeyValuePair<string, string>("empty", ""),
        };

        Assert.Equal("a=1&a=2&b=x%20y%2Bz%2Fw&empty=", SigV4Canonicalizer.CanonicalQueryString(query));
    }

    [Fact]
    public void CanonicalHeaderPairs_MixedCaseDuplicatesAndFolding_JoinsInOrder()
    {
        var headers = new[]
        {
            new KeyValuePair<string, string>("X-B", "  two\r\n   lines "),
            new KeyValuePair<string, string>("x-a", "1"),
            new KeyValuePair<string, string>("X-A", " 2 "),
        };

        var pairs = SigV4Canonicalizer.CanonicalHeaderPairs(headers);

        Assert.Equal([new("x-a", "1,2"), new("x-b", "two lines")], pairs);
        Assert.Equal("x-a;x-b", SigV4Canonicalizer.SignedHeaders(headers));
    }
}
