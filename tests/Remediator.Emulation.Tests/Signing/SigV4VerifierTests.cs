using Remediator.Aws.Signing;
using Remediator.Aws.Tests.Signing;
using Remediator.Emulation.Signing;

namespace Remediator.Emulation.Tests.Signing;

public sealed class SigV4VerifierTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(15);

    public static IEnumerable<object[]> SuiteCases => SigV4SuiteCase.Names;

    [Theory]
    [MemberData(nameof(SuiteCases))]
    public void Verify_SuiteSignature_IsValid(string name)
    {
        var c = SigV4SuiteCase.Get(name);
        var header = AuthorizationFor(c, c.ExpectedSignature);

        var result = SigV4Verifier.Verify(c.Request, header, Secret, SigV4SuiteCase.Scope.Timestamp, Skew, normalizePath: c.Normalize);

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Verify_WrongSecret_IsSignatureMismatch()
    {
        var c = SigV4SuiteCase.Get("get-vanilla");

        var result = SigV4Verifier.Verify(c.Request, AuthorizationFor(c, c.ExpectedSignature), _ => "not-the-secret", SigV4SuiteCase.Scope.Timestamp, Skew);

        Assert.Equal(SigV4Failure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Verify_TamperedHeaderValue_IsSignatureMismatch()
    {
        var c = SigV4SuiteCase.Get("post-header-value-case");
        var tampered = c.Request with { Headers = c.Request.Headers.Select(h => h.Key == "My-Header1" ? new KeyValuePair<string, string>(h.Key, "value1") : h).ToList() };

        var result = SigV4Verifier.Verify(tampered, AuthorizationFor(c, c.ExpectedSignature), Secret, SigV4SuiteCase.Scope.Timestamp, Skew);

        Assert.Equal(SigV4Failure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Verify_ScopeDateDiffersFromAmzDate_IsMalformed()
    {
        var c = SigV4SuiteCase.Get("get-vanilla");
        var header = AuthorizationFor(c, c.ExpectedSignature).Replace("/20150830/", "/20150831/", StringComparison.Ordinal);

        var result = SigV4Verifier.Verify(c.Request, header, Secret, SigV4SuiteCase.Scope.Timestamp, Skew);

        Assert.Equal(SigV4Failure.Malformed, result.Failure);
    }

    [Fact]
    public void Verify_ClockFarAway_IsRequestExpired()
    {
        var c = SigV4SuiteCase.Get("get-vanilla");

        var result = SigV4Verifier.Verify(c.Request, AuthorizationFor(c, c.ExpectedSignature), Secret, SigV4SuiteCase.Scope.Timestamp.AddMinutes(16), Skew);

        Assert.Equal(SigV4Failure.RequestExpired, result.Failure);
    }

    [Fact]
    public void Verify_UnknownAccessKey_IsUnknownAccessKey()
    {
        var c = SigV4SuiteCase.Get("get-vanilla");

        var result = SigV4Verifier.Verify(c.Request, AuthorizationFor(c, c.ExpectedSignature), _ => null, SigV4SuiteCase.Scope.Timestamp, Skew);

        Assert.Equal(SigV4Failure.UnknownAccessKey, result.Failure);
    }

    [Fact]
    public void Verify_SignedHeaderMissingFromRequest_IsMalformed()
    {
        var c = SigV4SuiteCase.Get("post-header-value-case");
        var stripped = c.Request with { Headers = c.Request.Headers.Where(h => h.Key != "My-Header1").ToList() };

        var result = SigV4Verifier.Verify(stripped, AuthorizationFor(c, c.ExpectedSignature), Secret, SigV4SuiteCase.Scope.Timestamp, Skew);

        Assert.Equal(SigV4Failure.Malformed, result.Failure);
    }

    [Fact]
    public void Verify_UnsignedExtraHeader_IsIgnored()
    {
        var c = SigV4SuiteCase.Get("get-vanilla");
        var extra = c.Request with { Headers = [.. c.Request.Headers, new("User-Agent", "test")] };

        var result = SigV4Verifier.Verify(extra, AuthorizationFor(c, c.ExpectedSignature), Secret, SigV4SuiteCase.Scope.Timestamp, Skew);

        Assert.True(result.IsValid, result.Message);
    }

    [Theory]
    [InlineData(null, SigV4Failure.MissingAuthorization)]
    [InlineData("AWS4-HMAC-SHA256 nonsense", SigV4Failure.Malformed)]
    public void Verify_MissingOrGarbledHeader_Fails(string? header, SigV4Failure expected)
    {
        var c = SigV4SuiteCase.Get("get-vanilla");

        Assert.Equal(expected, SigV4Verifier.Verify(c.Request, header, Secret, SigV4SuiteCase.Scope.Timestamp, Skew).Failure);
    }

    private static string? Secret(string accessKeyId) => accessKeyId == SigV4SuiteCase.AccessKeyId ? SigV4SuiteCase.SecretAccessKey : null;

    private static string AuthorizationFor(SigV4SuiteCase c, string signature) =>
        SigV4.AuthorizationHeader(SigV4SuiteCase.AccessKeyId, SigV4SuiteCase.Scope, SigV4Canonicalizer.SignedHeaders(c.Request.Headers), signature);
}
