using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.ApiGatewayV2;

/// <summary>API Gateway v2 over rest-json: HTTP and WebSocket APIs, integrations, routes, stages, authorizers.</summary>
public sealed class HttpApiServiceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task CreateApi_Http_DefaultsRouteSelectionAndHttpsEndpoint()
    {
        var response = await _client.RestAsync("apigateway", HttpMethod.Post, "/v2/apis", """{"name":"h","protocolType":"HTTP"}""");

        Assert.Equal(201, response.Status);
        var id = response.Json.GetProperty("apiId").GetString();
        Assert.Equal("$request.method $request.path", response.Json.GetProperty("routeSelectionExpression").GetString());
        Assert.Equal($"https://{id}.execute-api.us-east-1.amazonaws.com", response.Json.GetProperty("apiEndpoint").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", response.Json.GetProperty("createdDate").GetString());
    }

    [Fact]
    public async Task CreateApi_WebSocketWithoutSelectionExpression_Returns400()
    {
        var response = await _client.RestAsync("apigateway", HttpMethod.Post, "/v2/apis", """{"name":"w","protocolType":"WEBSOCKET"}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("BadRequestException", response.ErrorCode);
    }

    [Fact]
    public async Task CreateApi_QuickCreate_AddsIntegrationRouteAndDefaultStage()
    {
        var created = await _client.RestAsync("apigateway", HttpMethod.Post, "/v2/apis", $$"""{"name":"quick","protocolType":"HTTP","target":"{{SandboxApi.FunctionArn("quick")}}"}""");
        var id = created.Json.GetProperty("apiId").GetString();

        var routes = await _client.RestAsync("apigateway", HttpMethod.Get, $"/v2/apis/{id}/routes");
        var stage = await _client.RestAsync("apigateway", HttpMethod.Get, $"/v2/apis/{id}/stages/$default");

        Assert.Equal("$default", routes.Json.GetProperty("items")[0].GetProperty("routeKey").GetString());
        Assert.True(stage.Json.GetProperty("autoDeploy").GetBoolean());
    }

    [Fact]
    public async Task GetApi_Unknown_Returns404()
    {
        var response = await _client.RestAsync("apigateway", HttpMethod.Get, "/v2/apis/nope");

        Assert.Equal(404, response.Status);
        Assert.Equal("NotFoundException", response.ErrorCode);
        Assert.Equal("Invalid API identifier specified 000000000000:nope", response.ErrorMessage);
    }

    [Fact]
    public async Task GetApis_MaxResultsAndNextToken_PagesThroughApis()
    {
        await CreateHttpApiAsync("page-a");
        await CreateHttpApiAsync("page-b");

        var first = await _client.RestAsync("apigateway", HttpMethod.Get, "/v2/apis?maxResults=1");
        var token = first.Json.GetProperty("nextToken").GetString();
        var second = await _client.RestAsync("apigateway", HttpMethod.Get, $"/v2/apis?maxResults=1&nextToken={Uri.EscapeDataString(token!)}");

        Assert.Single(first.Json.GetProperty("items").EnumerateArray());
        Assert.NotEqual(first.Json.GetProperty("items")[0].GetProperty("apiId").GetString(), second.Json.GetProperty("items")[0].GetProperty("apiId").GetString());
    }

    [Fact]
    public async Task CreateIntegration_LambdaProxyOnHttpApi_DefaultsPayloadFormatAndTimeout()
    {
        var apiId = await CreateHttpApiAsync("integration");

        var response = await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/integrations", $$"""{"integrationType":"AWS_PROXY","integrationUri":"{{SandboxApi.FunctionArn("f")}}"}""");
        var read = await _client.RestAsync("apigateway", HttpMethod.Get, $"/v2/apis/{apiId}/integrations/{response.Json.GetProperty("integrationId").GetString()}");
        var list = await _client.RestAsync("apigateway", HttpMethod.Get, $"/v2/apis/{apiId}/integrations");

        Assert.Equal(201, response.Status);
        Assert.Equal("2.0", read.Json.GetProperty("payloadFormatVersion").GetString());
        Assert.Equal(30000, read.Json.GetProperty("timeoutInMillis").GetInt32());
        Assert.Single(list.Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task GetIntegration_Unknown_Returns404()
    {
        var apiId = await CreateHttpApiAsync("integration-missing");

        var response = await _client.RestAsync("apigateway", HttpMethod.Get, $"/v2/apis/{apiId}/integrations/nope");

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task CreateRoute_DuplicateKey_Returns409AndBadTarget400()
    {
        var apiId = await CreateHttpApiAsync("routes");
        await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/routes", """{"routeKey":"GET /pets"}""");

        var duplicate = await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/routes", """{"routeKey":"GET /pets"}""");
        var badTarget = await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/routes", """{"routeKey":"POST /pets","target":"integrations/none"}""");
        var badKey = await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/routes", """{"routeKey":"FETCH pets"}""");

        Assert.Equal(409, duplicate.Status);
        Assert.Equal(400, badTarget.Status);
        Assert.Equal(400, badKey.Status);
    }

    [Fact]
    public async Task CreateStage_WithVariablesAndAccessLogs_GetStageAndGetStagesReadThem()
    {
        var apiId = await CreateHttpApiAsync("stages");

        var created = await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/stages", """
            {"stageName":"prod","stageVariables":{"fn":"blue"},"accessLogSettings":{"destinationArn":"arn:aws:logs:us-east-1:000000000000:log-group:access","format":"$context.requestId"}}
            """);
        var read = await _client.RestAsync("apigateway", HttpMethod.Get, $"/v2/apis/{apiId}/stages/prod");
        var list = await _client.RestAsync("apigateway", HttpMethod.Get, $"/v2/apis/{apiId}/stages");
        var again = await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/stages", """{"stageName":"prod"}""");

        Assert.Equal(201, created.Status);
        Assert.Equal("blue", read.Json.GetProperty("stageVariables").GetProperty("fn").GetString());
        Assert.Equal("$context.requestId", read.Json.GetProperty("accessLogSettings").GetProperty("format").GetString());
        Assert.Equal("prod", list.Json.GetProperty("items")[0].GetProperty("stageName").GetString());
        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task CreateAuthorizer_HttpRequestAuthorizer_RequiresPayloadFormatVersion()
    {
        var apiId = await CreateHttpApiAsync("authorizers");
        var uri = SandboxApi.LambdaUri(SandboxApi.FunctionArn("auth"));

        var missing = await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/authorizers", $$"""{"name":"a","authorizerType":"REQUEST","authorizerUri":"{{uri}}","identitySource":["$request.header.Authorization"]}""");
        var created = await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/authorizers", $$"""{"name":"a","authorizerType":"REQUEST","authorizerUri":"{{uri}}","identitySource":["$request.header.Authorization"],"authorizerPayloadFormatVersion":"2.0"}""");
        var read = await _client.RestAsync("apigateway", HttpMethod.Get, $"/v2/apis/{apiId}/authorizers/{created.Json.GetProperty("authorizerId").GetString()}");

        Assert.Equal(400, missing.Status);
        Assert.Equal(201, created.Status);
        Assert.Equal(uri, read.Json.GetProperty("authorizerUri").GetString());
    }

    private async Task<string> CreateHttpApiAsync(string name) =>
        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, "/v2/apis", $$"""{"name":"{{name}}","protocolType":"HTTP"}""")).Json.GetProperty("apiId").GetString()!;
}
