using Remediator.Aws.Credentials;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Auth;

/// <summary>Signature verification over the real HTTP path, one row per protocol: AWS's codes and statuses.</summary>
public sealed class RequestAuthenticatorTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    public static TheoryData<string, int, string> WrongSecret => new()
    {
        { "lambda", 403, "InvalidSignatureException" },
        { "apigateway", 403, "InvalidSignatureException" },
        { "logs", 400, "InvalidSignatureException" },
        { "ssm", 400, "InvalidSignatureException" },
        { "sns", 403, "SignatureDoesNotMatch" },
        { "sts", 403, "SignatureDoesNotMatch" },
    };

    public static TheoryData<string, int, string> Missing => new()
    {
        { "lambda", 403, "MissingAuthenticationTokenException" },
        { "apigateway", 403, "MissingAuthenticationTokenException" },
        { "logs", 400, "MissingAuthenticationTokenException" },
        { "ssm", 400, "MissingAuthenticationTokenException" },
        { "sns", 403, "MissingAuthenticationToken" },
        { "sts", 403, "MissingAuthenticationToken" },
    };

    public static TheoryData<string, int, string> UnknownKey => new()
    {
        { "lambda", 403, "UnrecognizedClientException" },
        { "logs", 400, "UnrecognizedClientException" },
        { "sts", 403, "InvalidClientTokenId" },
    };

    public static TheoryData<string, int, string> Incomplete => new()
    {
        { "lambda", 403, "IncompleteSignatureException" },
        { "ssm", 400, "IncompleteSignatureException" },
        { "sns", 400, "IncompleteSignature" },
    };

    [Theory]
    [MemberData(nameof(WrongSecret))]
    public async Task Authenticate_WrongSecret_ReturnsProtocolSignatureError(string service, int status, string code)
    {
        var response = await Send(service, credentials: new AwsCredentials("test", "not-the-secret"));

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorCode);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", response.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WrongSecret))]
    public async Task Authenticate_DateOlderThanFifteenMinutes_ReturnsSignatureExpired(string service, int status, string code)
    {
        var response = await Send(service, signedAt: DateTimeOffset.UtcNow.AddMinutes(-16));

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorCode);
        Assert.Matches(@"^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$", response.ErrorMessage);
    }

    [Fact]
    public async Task Authenticate_DateInTheFuture_ReturnsSignatureNotYetCurrent()
    {
        var response = await Send("lambda", signedAt: DateTimeOffset.UtcNow.AddMinutes(20));

        Assert.Equal("InvalidSignatureException", response.ErrorCode);
        Assert.StartsWith("Signature not yet current: ", response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_DateWithinSkew_IsAccepted()
    {
        var response = await Send("sts", signedAt: DateTimeOffset.UtcNow.AddMinutes(-14));

        Assert.Equal(200, response.Status);
    }

    [Theory]
    [MemberData(nameof(Missing))]
    public async Task Authenticate_NoAuthorizationHeader_ReturnsMissingAuthenticationToken(string service, int status, string code)
    {
        var response = await Send(service, sign: false);

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(UnknownKey))]
    public async Task Authenticate_UnknownAccessKey_ReturnsInvalidToken(string service, int status, string code)
    {
        var response = await Send(service, credentials: new AwsCredentials("AKIDUNKNOWN", "whatever"));

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", response.ErrorMessage);
    }

    [Theory]
    [MemberData(nameof(Incomplete))]
    public async Task Authenticate_HeaderWithoutSignature_ReturnsIncompleteSignature(string service, int status, string code)
    {
        var response = await Send(service, sign: false, headers: [("Authorization", "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/" + service + "/aws4_request"), ("X-Amz-Date", "20240101T000000Z")]);

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorCode);
        Assert.Contains("Authorization header requires 'Signature' parameter.", response.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Authorization header requires 'SignedHeaders' parameter.", response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_ScopeForAnotherRegion_ReturnsSignatureError()
    {
        var response = await _client.SendAsync("lambda", HttpMethod.Get, "/2015-03-31/functions", region: "eu-west-1");

        Assert.Equal(403, response.Status);
        Assert.Equal("InvalidSignatureException", response.ErrorCode);
        Assert.Contains("eu-west-1", response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_ConfiguredExtraPair_IsAccepted()
    {
        var response = await _client.QueryAsync("sts", [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")], new AwsCredentials("AKIDEXTRA", "extra-secret"));

        Assert.Equal(200, response.Status);
        Assert.Equal(SandboxApi.Account, response.Xml("Account"));
    }

    [Fact]
    public async Task Authenticate_FunctionArnInPath_VerifiesDoubleEncodedCanonicalUri()
    {
        await _client.CreateFunctionAsync("auth-arn-path");

        var response = await _client.RestAsync("lambda", HttpMethod.Get, $"/2015-03-31/functions/{Uri.EscapeDataString(SandboxApi.FunctionArn("auth-arn-path"))}/configuration");

        Assert.Equal(200, response.Status);
    }

    private Task<WireResponse> Send(string service, AwsCredentials? credentials = null, DateTimeOffset? signedAt = null, bool sign = true, IEnumerable<(string, string)>? headers = null) => service switch
    {
        "lambda" => _client.SendAsync(service, HttpMethod.Get, "/2015-03-31/functions", credentials: credentials, signedAt: signedAt, sign: sign, headers: headers),
        "apigateway" => _client.SendAsync(service, HttpMethod.Get, "/restapis", credentials: credentials, signedAt: signedAt, sign: sign, headers: headers),
        "logs" => _client.SendAsync(service, HttpMethod.Post, "/", "{}", "application/x-amz-json-1.1", [("X-Amz-Target", "Logs_20140328.DescribeLogGroups"), .. headers ?? []], credentials, signedAt, sign: sign),
        "ssm" => _client.SendAsync(service, HttpMethod.Post, "/", "{}", "application/x-amz-json-1.1", [("X-Amz-Target", "AmazonSSM.DescribeOpsItems"), .. headers ?? []], credentials, signedAt, sign: sign),
        "sns" => _client.SendAsync(service, HttpMethod.Post, "/", "Action=CreateTopic&Name=auth&Version=2010-03-31", "application/x-www-form-urlencoded", headers, credentials, signedAt, sign: sign),
        _ => _client.SendAsync(service, HttpMethod.Post, "/", "Action=GetCallerIdentity&Version=2011-06-15", "application/x-www-form-urlencoded", headers, credentials, signedAt, sign: sign),
    };
}
