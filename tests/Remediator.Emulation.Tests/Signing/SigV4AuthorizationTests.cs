using Remediator.Emulation.Signing;

namespace Remediator.Emulation.Tests.Signing;

public sealed class SigV4AuthorizationTests
{
    private const string Header =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    [Fact]
    public void TryParse_WellFormedHeader_ReturnsParts()
    {
        Assert.True(SigV4Authorization.TryParse(Header, out var auth));

        Assert.Equal("AKIDEXAMPLE", auth.AccessKeyId);
        Assert.Equal("20150830", auth.Date);
        Assert.Equal("us-east-1", auth.Region);
        Assert.Equal("service", auth.Service);
        Assert.Equal(["host", "x-amz-date"], auth.SignedHeaders);
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", auth.Signature);
        Assert.Equal(Header, auth.ToString());
    }

    [Fact]
    public void TryParse_NoSpacesAfterCommas_ReturnsParts()
    {
        Assert.True(SigV4Authorization.TryParse(Header.Replace(", ", ",", StringComparison.Ordinal), out var auth));
        Assert.Equal("service", auth.Service);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AWS4-HMAC-SHA512 Credential=A/20150830/r/s/aws4_request, SignedHeaders=host, Signature=ab")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws5_request, SignedHeaders=host, Signature=ab")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/aws4_request, SignedHeaders=host, Signature=ab")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, Signature=ab")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, SignedHeaders=host")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, SignedHeaders=host, Signature=ab, Extra=1")]
    [InlineData("Bearer abc")]
    public void TryParse_MalformedHeader_ReturnsFalse(string? header)
    {
        Assert.False(SigV4Authorization.TryParse(header, out _));
    }
}
