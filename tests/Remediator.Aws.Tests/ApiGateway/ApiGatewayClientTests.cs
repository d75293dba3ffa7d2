using Remediator.Aws.ApiGateway;
using Remediator.Aws.Signing;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Ports;
using Remediator.Core.Verification;
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
    public async Task GetStageDeploymentAsync_Export_AsksForOpenApi3WithIntegrationsAndAuthorizersAsJson()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-export-oas30.json")));

        var deployed = await Client(server).GetStageDeploymentAsync("a1b2c3d4e5", "prod", CancellationToken.None);

        Assert.NotNull(deployed);
        Assert.True(deployed.IsSuccess, deployed.Error);
        var wire = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/restapis/a1b2c3d4e5/stages/prod/exports/oas30?extensions=integrations%2Cauthorizers"), (wire.Method, wire.RawTarget));
        Assert.Equal("application/json", wire.Header("Accept"));
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
        Assert.Equal(["GET /pets", "ANY /pets/{id}"], deployed.Value.Methods.Select(m => $"{m.HttpMethod} {m.Path}"));
        DeployedMethod any = deployed.Value.Methods[1];
        Assert.Equal(("AWS_PROXY", "arn:aws:iam::123456789012:role/apigw-invoke", "token-auth"), (any.Integration!.Type, any.Integration.Credentials, any.AuthorizerName));
        Assert.EndsWith("function:auth/invocations", deployed.Value.Authorizers["token-auth"].AuthorizerUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStageDeploymentAsync_NoSuchStage_ReturnsNull()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(NotFound("Invalid stage identifier specified"));

        Assert.Null(await Client(server).GetStageDeploymentAsync("a1b2c3d4e5", "beta", CancellationToken.None));
    }

    [Fact]
    public async Task GetStageDeploymentAsync_LargerThanTheBound_FailsWithoutReadingItAll()
    {
        await using var server = new LoopbackServer();
        string huge = "{\"openapi\":\"3.0.1\",\"paths\":{},\"x-padding\":\"" + new string('x', RestExportReader.MaxBytes) + "\"}";
        server.Enqueue(CannedResponse.Json(200, huge));

        var deployed = await Client(server).GetStageDeploymentAsync("a1b2c3d4e5", "prod", CancellationToken.None);

        Assert.NotNull(deployed);
        Assert.False(deployed.IsSuccess);
        Assert.Contains($"{RestExportReader.MaxBytes}-byte limit", deployed.Error, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetStageDeploymentAsync_Malformed_FailsWithTheReason()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, "{\"openapi\":\"3.0.1\",\"paths\":{\"/p\":{\"get\":{\"x-amazon-apigateway-integration\":{\"uri\":\"u\"}}}}}"));

        var deployed = await Client(server).GetStageDeploymentAsync("a1b2c3d4e5", "prod", CancellationToken.None);

        Assert.NotNull(deployed);
        Assert.Contains("has no type", deployed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStageDeploymentAsync_AccessDenied_Throws()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(403, "{\"Message\":\"User: x is not authorized to perform: apigateway:GET\"}", ("X-Amzn-Errortype", "AccessDeniedException")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).GetStageDeploymentAsync("a1b2c3d4e5", "prod", CancellationToken.None));

        Assert.Equal((AwsErrorCodes.AccessDenied, 403), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task GetAuthorizersAsync_TwoPages_ReturnsEveryAuthorizerWithItsId()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-authorizers-1.json")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-authorizers-2.json")));

        var authorizers = await Client(server).GetAuthorizersAsync("a1b2c3d4e5", CancellationToken.None);

        Assert.Equal([("auth01", "token-auth", "TOKEN"), ("cog002", "users", "COGNITO_USER_POOLS")], authorizers.Select(a => (a.Id, a.Name, a.Type)));
        Assert.EndsWith("function:auth/invocations", authorizers[0].AuthorizerUri, StringComparison.Ordinal);
        Assert.Equal("/restapis/a1b2c3d4e5/authorizers?limit=500", server.Requests[0].RawTarget);
        Assert.Equal("/restapis/a1b2c3d4e5/authorizers?limit=500&position=YXV0aDAx", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task GetAuthorizersAsync_ThrottledMidway_RetriesThatPage()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-authorizers-1.json")))
            .Enqueue(CannedResponse.Json(429, "{\"message\":\"Too Many Requests\"}", ("X-Amzn-Errortype", "TooManyRequestsException"), ("Retry-After", "2")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("ApiGateway", "get-authorizers-2.json")));
        var aws = new TestAws();

        var authorizers = await new ApiGatewayClient(aws.Client(server)).GetAuthorizersAsync("a1b2c3d4e5", CancellationToken.None);

        Assert.Equal(2, authorizers.Count);
        Assert.Equal(server.Requests[1].RawTarget, server.Requests[2].RawTarget);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(aws.Backoffs).RetryAfter);
    }

    private static ApiGatewayClient Client(LoopbackServer server) => new(new TestAws().Client(server));

    private static CannedResponse NotFound(string message) =>
        CannedResponse.Json(404, $"{{\"message\":\"{message}\"}}", ("X-Amzn-Errortype", "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/"));
}
