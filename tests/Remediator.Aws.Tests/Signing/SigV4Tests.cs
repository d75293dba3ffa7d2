using Remediator.Aws.Signing;

namespace Remediator.Aws.Tests.Signing;

public sealed class SigV4Tests
{
    public static IEnumerable<object[]> SuiteCases => SigV4SuiteCase.Names;

    [Theory]
    [MemberData(nameof(SuiteCases))]
    public void CanonicalRequest_SuiteCase_MatchesSuite(string name)
    {
        var c = SigV4SuiteCase.Get(name);

        var canonical = SigV4Canonicalizer.CanonicalRequest(c.Request, encodePath: true, normalizePath: c.Normalize);

        Assert.Equal(c.ExpectedCanonicalRequest, canonical);
    }

    [Theory]
    [MemberData(nameof(SuiteCases))]
    public void StringToSign_SuiteCase_MatchesSuite(string name)
    {
        var c = SigV4SuiteCase.Get(name);

        var stringToSign = SigV4.StringToSign(c.ExpectedCanonicalRequest, SigV4SuiteCase.Scope);

        Assert.Equal(c.ExpectedStringToSign, stringToSign);
    }

    [Theory]
    [MemberData(nameof(SuiteCases))]
    public void Sign_SuiteCase_MatchesSuiteSignature(string name)
    {
        var c = SigV4SuiteCase.Get(name);

        var signature = SigV4.Sign(c.Request, SigV4SuiteCase.Scope, SigV4SuiteCase.SecretAccessKey, normalizePath: c.Normalize);

        Assert.Equal(c.ExpectedSignature, signature);
    }

    [Theory]
    [InlineData("get-vanilla")]
    [InlineData("post-x-www-form-urlencoded")]
    [InlineData("get-vanilla-with-session-token")]
    public void Sign_WrongSecretKey_DiffersFromSuiteSignature(string name)
    {
        var c = SigV4SuiteCase.Get(name);

        var signature = SigV4.Sign(c.Request, SigV4SuiteCase.Scope, SigV4SuiteCase.SecretAccessKey + "x", normalizePath: c.Normalize);

        Assert.NotEqual(c.ExpectedSignature, signature);
    }

    [Theory]
    [InlineData("get-vanilla")]
    [InlineData("post-x-www-form-urlencoded")]
    [InlineData("get-vanilla-with-session-token")]
    public void Sign_WrongDate_DiffersFromSuiteSignature(string name)
    {
        var c = SigV4SuiteCase.Get(name);
        var nextDay = SigV4SuiteCase.Scope with { Timestamp = SigV4SuiteCase.Scope.Timestamp.AddDays(1) };

        var signature = SigV4.Sign(c.Request, nextDay, SigV4SuiteCase.SecretAccessKey, normalizePath: c.Normalize);

        Assert.NotEqual(c.ExpectedSignature, signature);
    }

    [Fact]
    public void SigningKey_DocumentedExample_MatchesKnownBytes()
    {
        // The key-derivation example from the AWS General Reference (IAM, 2012-02-15).
        var key = SigV4.SigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");

        Assert.Equal("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void SigningScope_Timestamp_FormatsAmzDateAndCredentialScope()
    {
        var scope = new SigningScope(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), "eu-west-1", "lambda");

        Assert.Equal("20240102T010405Z", scope.AmzDate);
        Assert.Equal("20240102/eu-west-1/lambda/aws4_request", scope.CredentialScope);
    }
}
