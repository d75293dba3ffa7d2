using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.ApiGateway;

/// <summary>API Gateway v1 over rest-json: shapes, pagination, patch operations and error codes.</summary>
public sealed class RestApiServiceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task CreateRestApi_New_Returns201WithRootResource()
    {
        var response = await _client.RestAsync("apigateway", HttpMethod.Post, "/restapis", """{"name":"shop","description":"d"}""");

        Assert.Equal(201, response.Status);
        Assert.Matches("^[a-z0-9]{10}$", response.Json.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Number, response.Json.GetProperty("createdDate").ValueKind);
        Assert.Equal("EDGE", response.Json.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString());
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("rootResourceId").GetString()));
    }

    [Fact]
    public async Task GetRestApi_Unknown_Returns404NotFound()
    {
        var response = await _client.RestAsync("apigateway", HttpMethod.Get, "/restapis/nope123456");

        Assert.Equal(404, response.Status);
        Assert.Equal("NotFoundException", response.ErrorCode);
        Assert.Equal("Invalid API identifier specified 000000000000:nope123456", response.ErrorMessage);
    }

    [Fact]
    public async Task GetRestApis_ListsUnderItemKey()
    {
        var (apiId, _) = await _client.CreateRestApiAsync("listed");

        var response = await _client.RestAsync("apigateway", HttpMethod.Get, "/restapis?limit=500");

        Assert.Contains(response.Json.GetProperty("item").EnumerateArray(), a => a.GetProperty("id").GetString() == apiId);
    }

    [Fact]
    public async Task CreateResource_SameNameUnderParent_Returns409Conflict()
    {
        var (apiId, root) = await _client.CreateRestApiAsync("dup-resource");
        await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/resources/{root}", """{"pathPart":"pets"}""");

        var response = await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/resources/{root}", """{"pathPart":"pets"}""");

        Assert.Equal(409, response.Status);
        Assert.Equal("ConflictException", response.ErrorCode);
    }

    [Fact]
    public async Task CreateResource_UnknownParent_Returns404()
    {
        var (apiId, _) = await _client.CreateRestApiAsync("bad-parent");

        var response = await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/resources/zzzzzz", """{"pathPart":"pets"}""");

        Assert.Equal(404, response.Status);
        Assert.Equal("Invalid Resource identifier specified", response.ErrorMessage);
    }

    [Fact]
    public async Task GetResources_EmbedMethods_IncludesMethodIntegration()
    {
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("embed")));

        var embedded = await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/resources?embed=methods");
        var plain = await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/resources");

        var withMethod = embedded.Json.GetProperty("item").EnumerateArray().Single(r => r.GetProperty("path").GetString() == "/pets/{id}");
        Assert.Equal("AWS_PROXY", withMethod.GetProperty("resourceMethods").GetProperty("GET").GetProperty("methodIntegration").GetProperty("type").GetString());
        var bare = plain.Json.GetProperty("item").EnumerateArray().Single(r => r.GetProperty("path").GetString() == "/pets/{id}");
        Assert.Equal("{}", bare.GetProperty("resourceMethods").GetProperty("GET").GetRawText());
    }

    [Fact]
    public async Task GetResources_LimitAndPosition_PagesThroughAllResources()
    {
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("paged")));
        var paths = new List<string>();
        string? position = null;
        var pages = 0;
        do
        {
            var query = position is null ? "?limit=2" : $"?limit=2&position={Uri.EscapeDataString(position)}";
            var page = (await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/resources{query}")).Json;
            paths.AddRange(page.GetProperty("item").EnumerateArray().Select(r => r.GetProperty("path").GetString()!));
            position = page.TryGetProperty("position", out var next) ? next.GetString() : null;
            pages++;
        }
        while (position is not null);

        Assert.Equal(["/", "/pets", "/pets/{id}"], paths);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task GetResources_LimitOver500_Returns400()
    {
        var (apiId, _) = await _client.CreateRestApiAsync("bad-limit");

        var response = await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/resources?limit=501");

        Assert.Equal(400, response.Status);
        Assert.Equal("BadRequestException", response.ErrorCode);
    }

    [Fact]
    public async Task PutMethod_Twice_Returns409()
    {
        var (apiId, root) = await _client.CreateRestApiAsync("method-twice");
        await _client.RestAsync("apigateway", HttpMethod.Put, $"/restapis/{apiId}/resources/{root}/methods/GET", """{"authorizationType":"NONE"}""");

        var response = await _client.RestAsync("apigateway", HttpMethod.Put, $"/restapis/{apiId}/resources/{root}/methods/GET", """{"authorizationType":"NONE"}""");

        Assert.Equal(409, response.Status);
    }

    [Fact]
    public async Task PutIntegration_WithoutMethod_Returns404InvalidMethod()
    {
        var (apiId, root) = await _client.CreateRestApiAsync("integration-no-method");

        var response = await _client.RestAsync("apigateway", HttpMethod.Put, $"/restapis/{apiId}/resources/{root}/methods/GET/integration", """{"type":"MOCK"}""");

        Assert.Equal(404, response.Status);
        Assert.Equal("Invalid Method identifier specified", response.ErrorMessage);
    }

    [Fact]
    public async Task GetIntegration_Existing_ReturnsUriAndHttpMethod()
    {
        var uri = SandboxApi.LambdaUri(SandboxApi.FunctionArn("fn") + ":${stageVariables.alias}");
        var (apiId, resourceId) = await _client.CreatePetsApiAsync(uri);

        var response = await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/resources/{resourceId}/methods/GET/integration");

        Assert.Equal(uri, response.Json.GetProperty("uri").GetString());
        Assert.Equal("POST", response.Json.GetProperty("httpMethod").GetString());
        Assert.Equal(29000, response.Json.GetProperty("timeoutInMillis").GetInt32());
    }

    [Fact]
    public async Task GetIntegration_MethodWithoutIntegration_Returns404()
    {
        var (apiId, root) = await _client.CreateRestApiAsync("no-integration");
        await _client.RestAsync("apigateway", HttpMethod.Put, $"/restapis/{apiId}/resources/{root}/methods/GET", """{"authorizationType":"NONE"}""");

        var response = await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/resources/{root}/methods/GET/integration");

        Assert.Equal(404, response.Status);
        Assert.Equal("Invalid Integration identifier specified", response.ErrorMessage);
    }

    [Fact]
    public async Task CreateDeployment_NoMethods_Returns400()
    {
        var (apiId, _) = await _client.CreateRestApiAsync("empty-deploy");

        var response = await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/deployments", """{"stageName":"prod"}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("The REST API doesn't contain any methods", response.ErrorMessage);
    }

    [Fact]
    public async Task CreateStage_Existing_Returns409AndGetStagesListsIt()
    {
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("stages")));
        var deploymentId = (await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/stages/prod")).Json.GetProperty("deploymentId").GetString();

        var created = await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/stages", $$$"""{"stageName":"beta","deploymentId":"{{{deploymentId}}}","variables":{"alias":"blue"}}""");
        var again = await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/stages", $$"""{"stageName":"beta","deploymentId":"{{deploymentId}}"}""");
        var stages = await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/stages");

        Assert.Equal(201, created.Status);
        Assert.Equal("blue", created.Json.GetProperty("variables").GetProperty("alias").GetString());
        Assert.Equal(409, again.Status);
        Assert.Equal(["prod", "beta"], stages.Json.GetProperty("item").EnumerateArray().Select(s => s.GetProperty("stageName").GetString()));
    }

    [Fact]
    public async Task GetStage_Unknown_Returns404()
    {
        var (apiId, _) = await _client.CreateRestApiAsync("no-stage");

        var response = await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/stages/prod");

        Assert.Equal(404, response.Status);
        Assert.Equal("Invalid Stage identifier specified", response.ErrorMessage);
    }

    [Fact]
    public async Task UpdateStage_VariablePatches_AddReplaceAndRemoveVariables()
    {
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("patch")));

        await _client.PatchStageAsync(apiId, "prod", ("replace", "/variables/alias", "live"), ("add", "/variables/color", "blue"));
        var response = await _client.PatchStageAsync(apiId, "prod", ("remove", "/variables/color", ""), ("replace", "/*/*/logging/loglevel", "INFO"));

        Assert.Equal(200, response.Status);
        Assert.Equal("""{"alias":"live"}""", response.Json.GetProperty("variables").GetRawText());
        Assert.Equal("INFO", response.Json.GetProperty("methodSettings").GetProperty("*/*").GetProperty("loggingLevel").GetString());
    }

    [Fact]
    public async Task UpdateStage_UnknownPath_Returns400WithoutChangingStage()
    {
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("patch-bad")));

        var response = await _client.PatchStageAsync(apiId, "prod", ("replace", "/variables/alias", "live"), ("replace", "/colour", "x"));
        var stage = await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/stages/prod");

        Assert.Equal(400, response.Status);
        Assert.Equal("BadRequestException", response.ErrorCode);
        Assert.False(stage.Json.TryGetProperty("variables", out _));
    }

    [Fact]
    public async Task CreateAuthorizer_Token_Returns201AndGetAuthorizerReadsIt()
    {
        var (apiId, _) = await _client.CreateRestApiAsync("authorizers");
        var uri = SandboxApi.LambdaUri(SandboxApi.FunctionArn("auth"));

        var created = await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/authorizers", JsonSerializer.Serialize(new { name = "tok", type = "TOKEN", authorizerUri = uri, identitySource = "method.request.header.Authorization" }));
        var read = await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/authorizers/{created.Json.GetProperty("id").GetString()}");
        var missing = await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/authorizers/nope00");

        Assert.Equal(201, created.Status);
        Assert.Equal(uri, read.Json.GetProperty("authorizerUri").GetString());
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task CreateAuthorizer_TokenWithoutUri_Returns400()
    {
        var (apiId, _) = await _client.CreateRestApiAsync("authorizer-no-uri");

        var response = await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/authorizers", """{"name":"tok","type":"TOKEN"}""");

        Assert.Equal(400, response.Status);
    }
}
