using Remediator.Aws.ApiGateway;
using Remediator.Aws.Signing;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Ports;
using Remediator.Emulation.Signing;

namespace Remediator.Aws.Tests.ApiGateway;

public sealed class ApiGatewayClientTests
{
    [Fact]
    public async Task GetRestApiAsync_Exists_ReturnsApiAndSignsForApigateway()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-rest-api.json")));

        var api = await Client(server).GetRestApiAsync("a1b2c3d4e5", CancellationToken.None);

        Assert.Equal(new RestApi("a1b2c3d4e5", "pets-api"), api);
        var wire = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/restapis/a1b2c3d4e5"), (wire.Method, wire.RawTarget));
        Assert.Equal("application/json", wire.Header("Accept"));
        Assert.True(SigV4Authorization.TryParse(wire.Header("Authorization"), out var auth));
        Assert.Equal("apigateway", auth.Service);
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task GetRestApiAsync_Tagged_ReturnsTheTagsCloudFormationSetToo()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-rest-api-tagged.json")));

        var api = await Client(server).GetRestApiAsync("a1b2c3d4e5", CancellationToken.None);

        Assert.NotNull(api);
        Assert.Equal(4, api.Tags.Count);
        Assert.Equal("arn:aws:cloudformation:us-east-1:123456789012:stack/pets/0a1b2c3d-1111-2222-3333-444455556666", api.Tags["aws:cloudformation:stack-id"]);
        Assert.Equal("pets", api.Tags["team"]);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetRestApiAsync_Untagged_HasNoTags()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-rest-api.json")));

        Assert.Same(ResourceTags.None, (await Client(server).GetRestApiAsync("a1b2c3d4e5", CancellationToken.None))!.Tags);
    }

    [Fact]
    public async Task GetStageAsync_MethodSettings_ReadsStageLevelOverridesAndAccessLogDestination()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-stage-logging.json")));

        var stage = await Client(server).GetStageAsync("a1b2c3d4e5", "prod", CancellationToken.None);

        // "~1pets/POST" sets no level, so it inherits the stage's and is not an override.
        Assert.Equal(
            new StageLogging(
                "ERROR",
                new Dictionary<string, string> { ["~1pets~1{id}/GET"] = "INFO" },
                "arn:aws:logs:us-east-1:123456789012:log-group:API-Gateway-Access-Logs_a1b2c3d4e5/prod"),
            stage!.Logging);
    }

    [Fact]
    public async Task GetStageAsync_NoMethodSettings_LogsNothing()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, """{"deploymentId":"dep122","stageName":"dev","cacheClusterEnabled":false}"""));

        Assert.Equal(StageLogging.None, (await Client(server).GetStageAsync("a1b2c3d4e5", "dev", CancellationToken.None))!.Logging);
    }

    [Fact]
    public async Task GetRestApiAsync_Missing_ReturnsNull()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(NotFound("Invalid API identifier specified 123456789012:nope"));

        Assert.Null(await Client(server).GetRestApiAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task GetRestApisAsync_TwoPages_FollowsPosition()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-rest-apis-1.json")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-rest-apis-2.json")));

        var apis = await Client(server).GetRestApisAsync(CancellationToken.None);

        Assert.Equal(["a1b2c3d4e5", "z9y8x7w6v5"], apis.Select(a => a.Id));
        Assert.Equal("/restapis?limit=500", server.Requests[0].RawTarget);
        Assert.Equal("/restapis?limit=500&position=eyJpZCI6ImExYjJjM2Q0ZTUifQ%3D%3D", server.Requests[1].RawTarget);
        Assert.All(server.Requests, r => AwsRequestSignerTests.AssertVerifies(r, TestAws.Credentials));
    }

    [Fact]
    public async Task GetStageAsync_Exists_ReturnsVariables()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-stage.json")));

        var stage = await Client(server).GetStageAsync("a1b2c3d4e5", "prod", CancellationToken.None);

        Assert.NotNull(stage);
        Assert.Equal(("prod", "dep123", "pets", "live"), (stage.StageName, stage.DeploymentId, stage.Variables["fn"], stage.Variables["alias"]));
        Assert.Equal(new StageLogging("INFO", new Dictionary<string, string>(), null), stage.Logging);
        Assert.Equal("/restapis/a1b2c3d4e5/stages/prod", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task GetStageAsync_Missing_ReturnsNull()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(NotFound("Invalid Stage identifier specified"));

        Assert.Null(await Client(server).GetStageAsync("a1b2c3d4e5", "gone", CancellationToken.None));
    }

    [Fact]
    public async Task GetStagesAsync_TwoStages_StageWithoutVariablesIsEmpty()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-stages.json")));

        var stages = await Client(server).GetStagesAsync("a1b2c3d4e5", CancellationToken.None);

        Assert.Equal(["prod", "dev"], stages.Select(s => s.StageName));
        Assert.Empty(stages[1].Variables);
    }

    [Fact]
    public async Task GetResourcesAsync_TwoPages_EmbedsMethodsAndIntegrations()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-resources-1.json")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-resources-2.json")));

        var resources = await Client(server).GetResourcesAsync("a1b2c3d4e5", CancellationToken.None);

        Assert.Equal(["/", "/pets", "/pets/{id}"], resources.Select(r => r.Path));
        var get = resources[1].Methods["GET"];
        Assert.Equal("AWS_PROXY", get.Integration?.Type);
        Assert.Contains("${stageVariables.fn}", get.Integration?.Uri, StringComparison.Ordinal);
        var any = resources[2].Methods["any"];
        Assert.Equal(("CUSTOM", "auth01", null), (any.AuthorizationType, any.AuthorizerId, any.Integration));
        Assert.Equal("/restapis/a1b2c3d4e5/resources?embed=methods&limit=500", server.Requests[0].RawTarget);
        Assert.Equal("/restapis/a1b2c3d4e5/resources?embed=methods&limit=500&position=cmVzMTEx", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task GetResourcesAsync_ThrottledMidway_RetriesThatPage()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-resources-1.json")))
            .Enqueue(CannedResponse.Json(429, "{\"message\":\"Too Many Requests\"}", ("X-Amzn-Errortype", "TooManyRequestsException"), ("Retry-After", "2")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-resources-2.json")));
        var aws = new TestAws();

        var resources = await new ApiGatewayClient(aws.Client(server)).GetResourcesAsync("a1b2c3d4e5", CancellationToken.None);

        Assert.Equal(3, resources.Count);
        Assert.Equal(server.Requests[1].RawTarget, server.Requests[2].RawTarget);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(aws.Backoffs).RetryAfter);
    }

    [Fact]
    public async Task GetResourcesAsync_ApiMissing_Throws()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(NotFound("Invalid API identifier specified"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).GetResourcesAsync("nope", CancellationToken.None));

        Assert.Equal(AwsErrorCodes.NotFound, error.ErrorCode);
    }

    [Fact]
    public async Task GetIntegrationAsync_Exists_ReturnsTypeUriAndRole()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-integration.json")));

        var integration = await Client(server).GetIntegrationAsync("a1b2c3d4e5", "res222", "ANY", CancellationToken.None);

        Assert.Equal(
            new RestIntegration("AWS_PROXY", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets:live/invocations", "arn:aws:iam::123456789012:role/apigw-invoke", "POST"),
            integration);
        Assert.Equal("/restapis/a1b2c3d4e5/resources/res222/methods/ANY/integration", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task GetIntegrationAsync_NoIntegration_ReturnsNull()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(NotFound("No integration defined for method"));

        Assert.Null(await Client(server).GetIntegrationAsync("a1b2c3d4e5", "res222", "GET", CancellationToken.None));
    }

    [Fact]
    public async Task GetAuthorizerAsync_Exists_ReturnsUri()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-authorizer.json")));

        var authorizer = await Client(server).GetAuthorizerAsync("a1b2c3d4e5", "auth01", CancellationToken.None);

        Assert.NotNull(authorizer);
        Assert.Equal(("auth01", "token-auth", "TOKEN", null), (authorizer.Id, authorizer.Name, authorizer.Type, authorizer.AuthorizerCredentials));
        Assert.EndsWith("function:auth/invocations", authorizer.AuthorizerUri, StringComparison.Ordinal);
        Assert.Equal("/restapis/a1b2c3d4e5/authorizers/auth01", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task GetAuthorizerAsync_AccessDenied_Throws()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(403, "{\"Message\":\"User: x is not authorized to perform: apigateway:GET\"}", ("X-Amzn-Errortype", "AccessDeniedException")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).GetAuthorizerAsync("a1b2c3d4e5", "auth01", CancellationToken.None));

        Assert.Equal((AwsErrorCodes.AccessDenied, 403), (error.ErrorCode, error.StatusCode));
    }

    private static ApiGatewayClient Client(LoopbackServer server) => new(new TestAws().Client(server));

    private static CannedResponse NotFound(string message) =>
        CannedResponse.Json(404, $"{{\"message\":\"{message}\"}}", ("X-Amzn-Errortype", "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/"));
}
