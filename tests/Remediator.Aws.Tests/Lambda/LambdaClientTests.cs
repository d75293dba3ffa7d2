using System.Text.Json;
using Remediator.Aws.Lambda;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Lambda;

public sealed class LambdaClientTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:pets";
    private const string EncodedArn = "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Apets";

    [Fact]
    public async Task GetPolicyAsync_PolicyExists_ReturnsDocumentAndRevision()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("Lambda", "get-policy.json")));

        var policy = await Client(server).GetPolicyAsync(FunctionArn, "live", CancellationToken.None);

        Assert.NotNull(policy);
        Assert.Equal("4f8e2a1c-7d3b-4c55-9a61-0f2b3c4d5e6f", policy.RevisionId);
        Assert.Equal("apigw-invoke", JsonDocument.Parse(policy.PolicyJson).RootElement.GetProperty("Statement")[0].GetProperty("Sid").GetString());
        var wire = Assert.Single(server.Requests);
        Assert.Equal(("GET", $"/2015-03-31/functions/{EncodedArn}/policy?Qualifier=live"), (wire.Method, wire.RawTarget));
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task GetPolicyAsync_NoPolicy_ReturnsNull()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(NotFound("The resource you requested does not exist."));

        Assert.Null(await Client(server).GetPolicyAsync("pets", null, CancellationToken.None));
    }

    [Fact]
    public async Task GetPolicyAsync_FunctionMissing_Throws()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(NotFound($"Function not found: {FunctionArn}"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).GetPolicyAsync("pets", null, CancellationToken.None));

        Assert.Equal(AwsErrorCodes.ResourceNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task AddPermissionAsync_Granted_SendsBodyAndReturnsStatement()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(201, Fixture.Text("Lambda", "add-permission.json")));
        var request = new AddPermissionRequest(
            "pets", "remediator-a1b2c3d4e5-GET-pets", "lambda:InvokeFunction", "apigateway.amazonaws.com",
            "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/pets", "123456789012", "live", "rev-1");

        var statement = await Client(server).AddPermissionAsync(request, CancellationToken.None);

        Assert.Equal("remediator-a1b2c3d4e5-GET-pets", JsonDocument.Parse(statement).RootElement.GetProperty("Sid").GetString());
        var wire = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/2015-03-31/functions/pets/policy?Qualifier=live"), (wire.Method, wire.RawTarget));
        var body = JsonDocument.Parse(wire.BodyText).RootElement;
        Assert.Equal("remediator-a1b2c3d4e5-GET-pets", body.GetProperty("StatementId").GetString());
        Assert.Equal("lambda:InvokeFunction", body.GetProperty("Action").GetString());
        Assert.Equal("apigateway.amazonaws.com", body.GetProperty("Principal").GetString());
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/pets", body.GetProperty("SourceArn").GetString());
        Assert.Equal("123456789012", body.GetProperty("SourceAccount").GetString());
        Assert.Equal("rev-1", body.GetProperty("RevisionId").GetString());
        Assert.StartsWith("application/json", wire.Header("Content-Type"), StringComparison.Ordinal);
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task AddPermissionAsync_NoQualifierNoRevision_OmitsThem()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(201, Fixture.Text("Lambda", "add-permission.json")));
        var request = new AddPermissionRequest("pets", "sid", "lambda:InvokeFunction", "apigateway.amazonaws.com", null, null, null, null);

        await Client(server).AddPermissionAsync(request, CancellationToken.None);

        var wire = Assert.Single(server.Requests);
        Assert.Equal("/2015-03-31/functions/pets/policy", wire.RawTarget);
        Assert.False(JsonDocument.Parse(wire.BodyText).RootElement.TryGetProperty("RevisionId", out _));
    }

    [Theory]
    [InlineData(409, "ResourceConflictException", "The statement id (sid) provided already exists. Please choose another one.")]
    [InlineData(412, "PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id")]
    [InlineData(400, "PolicyLengthExceededException", "The final policy size (20539) is bigger than the limit (20480).")]
    [InlineData(404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:123456789012:function:pets")]
    [InlineData(403, "AccessDeniedException", "User is not authorized to perform: lambda:AddPermission")]
    public async Task AddPermissionAsync_ServiceRefuses_ThrowsTypedError(int status, string code, string message)
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(status, $"{{\"Type\":\"User\",\"message\":\"{message}\"}}", ("X-Amzn-Errortype", code), ("x-amzn-RequestId", "rid")));
        var request = new AddPermissionRequest("pets", "sid", "lambda:InvokeFunction", "apigateway.amazonaws.com", null, null, null, "rev");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).AddPermissionAsync(request, CancellationToken.None));

        Assert.Equal((code, status, message, "rid", "AddPermission"), (error.ErrorCode, error.StatusCode, error.ServiceMessage, error.RequestId, error.Operation));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AddPermissionAsync_ThrottledThenGranted_Retries()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(429, "{\"Type\":\"User\",\"message\":\"Rate exceeded\",\"Reason\":\"CallerRateLimitExceeded\"}", ("X-Amzn-Errortype", "TooManyRequestsException"), ("Retry-After", "1")))
            .Enqueue(CannedResponse.Json(201, Fixture.Text("Lambda", "add-permission.json")));
        var aws = new TestAws();
        var request = new AddPermissionRequest("pets", "sid", "lambda:InvokeFunction", "apigateway.amazonaws.com", null, null, null, null);

        await new LambdaClient(aws.Client(server)).AddPermissionAsync(request, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(aws.Backoffs).RetryAfter);
        Assert.Equal(server.Requests[0].BodyText, server.Requests[1].BodyText);
    }

    [Fact]
    public async Task RemovePermissionAsync_WithQualifierAndRevision_SendsDelete()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(new CannedResponse(204));

        await Client(server).RemovePermissionAsync(FunctionArn, "remediator-sid", "7", "rev-2", CancellationToken.None);

        var wire = Assert.Single(server.Requests);
        Assert.Equal(("DELETE", $"/2015-03-31/functions/{EncodedArn}/policy/remediator-sid?Qualifier=7&RevisionId=rev-2"), (wire.Method, wire.RawTarget));
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task RemovePermissionAsync_StaleRevision_ThrowsPreconditionFailed()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(412, "{\"Type\":\"User\",\"message\":\"The Revision Id provided does not match the latest Revision Id.\"}", ("X-Amzn-Errortype", "PreconditionFailedException")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).RemovePermissionAsync("pets", "sid", null, "old", CancellationToken.None));

        Assert.Equal(AwsErrorCodes.PreconditionFailed, error.ErrorCode);
    }

    [Fact]
    public async Task GetAliasAsync_Exists_MapsFields()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("Lambda", "get-alias.json")));

        var alias = await Client(server).GetAliasAsync("pets", "live", CancellationToken.None);

        Assert.Equal(new FunctionAlias("live", FunctionArn + ":live", "7", "1c2d3e4f-0000-4000-8000-000000000002"), alias);
        Assert.Equal("/2015-03-31/functions/pets/aliases/live", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task GetAliasAsync_Missing_ReturnsNull()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(NotFound($"Alias not found: {FunctionArn}:nope"));

        Assert.Null(await Client(server).GetAliasAsync("pets", "nope", CancellationToken.None));
    }

    [Fact]
    public async Task ListTagsAsync_Tagged_ReturnsTags()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("Lambda", "list-tags.json")));

        var tags = await Client(server).ListTagsAsync(FunctionArn, CancellationToken.None);

        Assert.Equal("true", tags["remediator:exempt"]);
        Assert.Equal($"/2017-03-31/tags/{EncodedArn}", Assert.Single(server.Requests).RawTarget);
        AwsRequestSignerTests.AssertVerifies(server.Requests[0], TestAws.Credentials);
    }

    [Fact]
    public async Task ListTagsAsync_AccessDenied_Throws()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(403, "{\"Type\":\"User\",\"Message\":\"not authorized to perform: lambda:ListTags\"}", ("X-Amzn-Errortype", "AccessDeniedException")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).ListTagsAsync(FunctionArn, CancellationToken.None));

        Assert.Equal(AwsErrorCodes.AccessDenied, error.ErrorCode);
    }

    [Theory]
    [InlineData("{\"ReservedConcurrentExecutions\": 0}", 0)]
    [InlineData("{\"ReservedConcurrentExecutions\": 25}", 25)]
    [InlineData("{}", null)]
    public async Task GetReservedConcurrencyAsync_Answer_IsTheReservedValueOrNone(string body, int? expected)
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, body));

        int? reserved = await Client(server).GetReservedConcurrencyAsync(FunctionArn, CancellationToken.None);

        Assert.Equal(expected, reserved);
        var wire = Assert.Single(server.Requests);
        Assert.Equal(("GET", $"/2019-09-30/functions/{EncodedArn}/concurrency"), (wire.Method, wire.RawTarget));
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task GetReservedConcurrencyAsync_AccessDenied_Throws()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(403, "{\"Type\":\"User\",\"Message\":\"not authorized to perform: lambda:GetFunctionConcurrency\"}", ("X-Amzn-Errortype", "AccessDeniedException")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).GetReservedConcurrencyAsync(FunctionArn, CancellationToken.None));

        Assert.Equal(AwsErrorCodes.AccessDenied, error.ErrorCode);
    }

    private static LambdaClient Client(LoopbackServer server) => new(new TestAws().Client(server));

    private static CannedResponse NotFound(string message) =>
        CannedResponse.Json(404, $"{{\"Type\":\"User\",\"message\":\"{message}\"}}", ("X-Amzn-Errortype", "ResourceNotFoundException"));
}
