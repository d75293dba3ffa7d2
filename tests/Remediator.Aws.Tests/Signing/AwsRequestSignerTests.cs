using System.Globalization;
using System.Text;
using Remediator.Aws.Credentials;
using Remediator.Aws.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Emulation.Signing;

namespace Remediator.Aws.Tests.Signing;

public sealed class AwsRequestSignerTests
{
    private static readonly AwsCredentials Keys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2024-05-01T10:00:00Z", CultureInfo.InvariantCulture);
    private static readonly SigningScope Scope = new(Now, "us-east-1", "lambda");

    [Fact]
    public async Task SignAsync_LambdaArnPathOverLoopback_VerifiesOnTheWire()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, "{}"));
        using var client = new HttpClient();
        var uri = new Uri(server.BaseUri, "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Apets/policy?Qualifier=live");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        await AwsRequestSigner.SignAsync(request, Keys, Scope, CancellationToken.None);
        using var response = await client.SendAsync(request);

        var wire = Assert.Single(server.Requests);
        Assert.Equal("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Apets/policy", wire.Path);
        AssertVerifies(wire, Keys);
    }

    [Fact]
    public async Task SignAsync_JsonBodyWithSessionToken_SignsTokenTargetAndContentType()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, "{}"));
        using var client = new HttpClient();
        var session = Keys with { SessionToken = "token/with+chars==" };
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUri)
        {
            Content = new StringContent("{\"logGroupName\":\"g\"}", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.TryAddWithoutValidation(AwsHeaders.Target, "Logs_20140328.FilterLogEvents");

        await AwsRequestSigner.SignAsync(request, session, Scope with { Service = "logs" }, CancellationToken.None);
        using var response = await client.SendAsync(request);

        var wire = Assert.Single(server.Requests);
        Assert.Equal("token/with+chars==", wire.Header(AwsHeaders.SecurityToken));
        Assert.True(SigV4Authorization.TryParse(wire.Header("Authorization"), out var auth));
        Assert.Equal(["content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target"], auth.SignedHeaders);
        AssertVerifies(wire, session);
    }

    [Fact]
    public async Task SignAsync_FormBodyWithContentSha256_SendsPayloadHash()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, "<ok/>"));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUri)
        {
            Content = new FormUrlEncodedContent([new("Action", "Publish"), new("Message", "a b&c")]),
        };

        await AwsRequestSigner.SignAsync(request, Keys, Scope with { Service = "sns" }, CancellationToken.None, addContentSha256: true);
        using var response = await client.SendAsync(request);

        var wire = Assert.Single(server.Requests);
        Assert.Equal(SigV4.HashHex(wire.Body), wire.Header(AwsHeaders.ContentSha256));
        AssertVerifies(wire, Keys);
    }

    [Fact]
    public async Task SignAsync_SignedTwice_ReplacesEarlierSignature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/f/configuration");

        await AwsRequestSigner.SignAsync(request, Keys, Scope, CancellationToken.None);
        await AwsRequestSigner.SignAsync(request, Keys, Scope with { Timestamp = Now.AddSeconds(5) }, CancellationToken.None);

        Assert.Single(request.Headers.GetValues("Authorization"));
        Assert.Equal("20240501T100005Z", Assert.Single(request.Headers.GetValues(AwsHeaders.AmzDate)));
        Assert.Equal("lambda.us-east-1.amazonaws.com", request.Headers.Host);
    }

    [Fact]
    public async Task SignAsync_WrongSecretOnVerify_Fails()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, "{}"));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUri, "/restapis/abc"));

        await AwsRequestSigner.SignAsync(request, Keys, Scope with { Service = "apigateway" }, CancellationToken.None);
        using var response = await client.SendAsync(request);

        var result = Verify(Assert.Single(server.Requests), Keys with { SecretAccessKey = "other" });
        Assert.Equal(SigV4Failure.SignatureMismatch, result.Failure);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("?a=1&b=x%20y&c", 3)]
    [InlineData("?k=%E1%88%B4", 1)]
    public void ParseQuery_RawQuery_DecodesPairs(string query, int count)
    {
        var pairs = AwsRequestSigner.ParseQuery(query);

        Assert.Equal(count, pairs.Count);
        if (count == 3)
        {
            Assert.Equal(new KeyValuePair<string, string>("b", "x y"), pairs[1]);
            Assert.Equal(new KeyValuePair<string, string>("c", ""), pairs[2]);
        }
        else if (count == 1)
        {
            Assert.Equal("\u1234", pairs[0].Value);
        }
    }

    internal static void AssertVerifies(RecordedRequest wire, AwsCredentials credentials)
    {
        var result = Verify(wire, credentials);
        Assert.True(result.IsValid, result.Message);
    }

    internal static SigV4Verification Verify(RecordedRequest wire, AwsCredentials credentials)
    {
        var request = new SigV4Request(wire.Method, wire.Path, AwsRequestSigner.ParseQuery(wire.Query), wire.Headers, SigV4.HashHex(wire.Body));
        Assert.True(AmzDate.TryParse(wire.Header(AwsHeaders.AmzDate), out var signedAt));
        return SigV4Verifier.Verify(
            request,
            wire.Header("Authorization"),
            key => key == credentials.AccessKeyId ? credentials.SecretAccessKey : null,
            signedAt,
            TimeSpan.FromMinutes(5));
    }
}
