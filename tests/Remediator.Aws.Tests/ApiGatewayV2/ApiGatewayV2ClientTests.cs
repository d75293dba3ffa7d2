using Remediator.Aws.ApiGatewayV2;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.ApiGatewayV2;

public sealed class ApiGatewayV2ClientTests
{
    [Fact]
    public async Task GetApiAsync_Exists_ReturnsProtocol()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-api.json")));

        var api = await Client(server).GetApiAsync("h1t2p3a4p5", CancellationToken.None);

        Assert.Equal(new HttpApi("h1t2p3a4p5", "pets-http", "HTTP", "https://h1t2p3a4p5.execute-api.us-east-1.amazonaws.com"), api);
        var wire = Assert.Single(server.Requests);
        Assert.Equal("/v2/apis/h1t2p3a4p5", wire.RawTarget);
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task GetApiAsync_TaggedWebSocketApi_ReturnsItsTags()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-api-websocket-tagged.json")));

        var api = await Client(server).GetApiAsync("w1s2c3k4t5", CancellationToken.None);

        Assert.Equal("WEBSOCKET", api!.ProtocolType);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["aws:cloudformation:stack-id"] = "arn:aws:cloudformation:us-east-1:123456789012:stack/chat/0a1b2c3d-1111-2222-3333-444455556666",
                ["team"] = "chat",
            },
            api.Tags);
    }

    [Fact]
    public async Task GetStageAsync_WebSocketRouteSettings_ReadsDefaultLevelOverridesAndAccessLogDestination()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-stage-websocket.json")));

        var stage = await Client(server).GetStageAsync("w1s2c3k4t5", "production", CancellationToken.None);

        // "$disconnect" sets no level, so it inherits the default route settings' and is not an override.
        Assert.Equal(
            new StageLogging(
                "ERROR",
                new Dictionary<string, string> { ["$connect"] = "OFF", ["sendMessage"] = "INFO" },
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/chat-access:*"),
            stage!.Logging);
    }

    [Fact]
    public async Task GetApiAsync_Missing_ReturnsNull()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(NotFound("Invalid API identifier specified 123456789012:nope"));

        Assert.Null(await Client(server).GetApiAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task GetApisAsync_TwoPages_FollowsNextToken()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-apis-1.json")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-apis-2.json")));

        var apis = await Client(server).GetApisAsync(CancellationToken.None);

        Assert.Equal(["HTTP", "WEBSOCKET"], apis.Select(a => a.ProtocolType));
        Assert.Equal("/v2/apis?maxResults=500", server.Requests[0].RawTarget);
        Assert.Equal("/v2/apis?maxResults=500&nextToken=eyJhcGkiOiJoMXQycDNhNHA1In0", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task GetStageAsync_DefaultStage_EncodesDollarAndReadsVariables()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-stage.json")));

        var stage = await Client(server).GetStageAsync("h1t2p3a4p5", "$default", CancellationToken.None);

        Assert.NotNull(stage);
        Assert.Equal(("$default", "pets"), (stage.StageName, stage.StageVariables["fn"]));
        var wire = Assert.Single(server.Requests);
        Assert.Equal("/v2/apis/h1t2p3a4p5/stages/%24default", wire.RawTarget);
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task GetStagesAsync_OnePage_ReturnsAll()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-stages.json")));

        var stages = await Client(server).GetStagesAsync("h1t2p3a4p5", CancellationToken.None);

        Assert.Equal(["$default", "beta"], stages.Select(s => s.StageName));
        Assert.Empty(stages[1].StageVariables);
    }

    [Fact]
    public async Task GetRoutesAsync_TwoPages_ReturnsKeysAndTargets()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-routes-1.json")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-routes-2.json")));

        var routes = await Client(server).GetRoutesAsync("h1t2p3a4p5", CancellationToken.None);

        Assert.Equal(
            [new ApiRoute("rt0001", "GET /pets/{id}", "integrations/int001", "NONE", null), new ApiRoute("rt0002", "$default", "integrations/int002", "CUSTOM", "au0001")],
            routes);
        Assert.Equal("/v2/apis/h1t2p3a4p5/routes?maxResults=500&nextToken=cm91dGVz", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task GetIntegrationAsync_Exists_ReturnsUri()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-integration.json")));

        var integration = await Client(server).GetIntegrationAsync("h1t2p3a4p5", "int001", CancellationToken.None);

        Assert.Equal(new ApiIntegration("int001", "AWS_PROXY", "arn:aws:lambda:us-east-1:123456789012:function:pets", null, "2.0"), integration);
        Assert.Equal("/v2/apis/h1t2p3a4p5/integrations/int001", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task GetIntegrationAsync_Missing_ReturnsNull()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(NotFound("Invalid Integration identifier specified"));

        Assert.Null(await Client(server).GetIntegrationAsync("h1t2p3a4p5", "gone", CancellationToken.None));
    }

    [Fact]
    public async Task GetIntegrationsAsync_WithRole_ReturnsCredentialsArn()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-integrations.json")));

        var integrations = await Client(server).GetIntegrationsAsync("h1t2p3a4p5", CancellationToken.None);

        Assert.Equal("arn:aws:iam::123456789012:role/apigw", integrations[1].CredentialsArn);
    }

    [Fact]
    public async Task GetAuthorizerAsync_Exists_ReturnsUri()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-authorizer.json")));

        var authorizer = await Client(server).GetAuthorizerAsync("h1t2p3a4p5", "au0001", CancellationToken.None);

        Assert.NotNull(authorizer);
        Assert.Equal(("au0001", "REQUEST"), (authorizer.AuthorizerId, authorizer.AuthorizerType));
        Assert.Equal("/v2/apis/h1t2p3a4p5/authorizers/au0001", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task GetRoutesAsync_ThrottledThenPage_Retries()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(429, "{\"message\":\"Too Many Requests\"}", ("X-Amzn-Errortype", "TooManyRequestsException")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGatewayV2", "get-routes-2.json")));

        Assert.Single(await Client(server).GetRoutesAsync("h1t2p3a4p5", CancellationToken.None));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetRoutesAsync_BadRequest_Throws()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(400, "{\"message\":\"Invalid input\"}", ("X-Amzn-Errortype", "BadRequestException")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).GetRoutesAsync("h1t2p3a4p5", CancellationToken.None));

        Assert.Equal("BadRequestException", error.ErrorCode);
    }

    private static ApiGatewayV2Client Client(LoopbackServer server) => new(new TestAws().Client(server));

    private static CannedResponse NotFound(string message) =>
        CannedResponse.Json(404, $"{{\"message\":\"{message}\"}}", ("X-Amzn-Errortype", "NotFoundException"));
}
