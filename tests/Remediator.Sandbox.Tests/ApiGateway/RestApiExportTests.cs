using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.ApiGateway;

/// <summary>GetExport serves what the stage's deployment froze, in the OpenAPI shapes API Gateway exports; GetAuthorizers lists the draft's.</summary>
public sealed class RestApiExportTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task GetExport_DraftChangedAfterDeployment_ShowsTheDeployedIntegration()
    {
        var deployedUri = SandboxApi.LambdaUri(SandboxApi.FunctionArn("deployed"));
        var (apiId, resourceId) = await _client.CreatePetsApiAsync(deployedUri);
        await PutIntegrationAsync(apiId, resourceId, SandboxApi.LambdaUri(SandboxApi.FunctionArn("draft")));

        var export = SandboxApi.Ok(await ExportAsync(apiId, "prod", "oas30", "integrations,authorizers"));
        var draft = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/resources/{resourceId}/methods/GET/integration"));

        var integration = export.Json.GetProperty("paths").GetProperty("/pets/{id}").GetProperty("get").GetProperty("x-amazon-apigateway-integration");
        Assert.Equal(deployedUri, integration.GetProperty("uri").GetString());
        Assert.Equal("aws_proxy", integration.GetProperty("type").GetString());
        Assert.Equal("when_no_match", integration.GetProperty("passthroughBehavior").GetString());
        Assert.Equal(SandboxApi.LambdaUri(SandboxApi.FunctionArn("draft")), draft.Json.GetProperty("uri").GetString());
        Assert.Equal("3.0.1", export.Json.GetProperty("openapi").GetString());
        Assert.Equal("prod", export.Json.GetProperty("servers")[0].GetProperty("variables").GetProperty("basePath").GetProperty("default").GetString());
        Assert.StartsWith("application/json", export.Header("Content-Type"), StringComparison.Ordinal);
        Assert.StartsWith("attachment; filename=\"oas30_", export.Header("Content-Disposition"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetExport_Redeployed_ShowsTheNewDeployment()
    {
        var (apiId, resourceId) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("first")));
        var second = SandboxApi.LambdaUri(SandboxApi.FunctionArn("second"));
        await PutIntegrationAsync(apiId, resourceId, second);
        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/deployments", """{"stageName":"prod"}"""));

        var export = SandboxApi.Ok(await ExportAsync(apiId, "prod", "oas30", "integrations"));

        Assert.Equal(second, export.Json.GetProperty("paths").GetProperty("/pets/{id}").GetProperty("get").GetProperty("x-amazon-apigateway-integration").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task GetExport_Authorizers_AreSecuritySchemesByNameWithTheDeployedUri()
    {
        var (apiId, _) = await _client.CreateRestApiAsync("export-authorizers");
        var deployedUri = SandboxApi.LambdaUri(SandboxApi.FunctionArn("token-auth"));
        var created = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/authorizers", JsonSerializer.Serialize(new { name = "tok", type = "TOKEN", authorizerUri = deployedUri, identitySource = "method.request.header.Authorization" })));
        await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("pets")), apiId: apiId, authorization: "CUSTOM", authorizerId: created.Json.GetProperty("id").GetString());

        var withAuthorizers = SandboxApi.Ok(await ExportAsync(apiId, "prod", "oas30", "integrations,authorizers"));
        var without = SandboxApi.Ok(await ExportAsync(apiId, "prod", "oas30", "integrations"));

        var operation = withAuthorizers.Json.GetProperty("paths").GetProperty("/pets/{id}").GetProperty("get");
        Assert.Equal("[{\"tok\":[]}]", operation.GetProperty("security").GetRawText());
        var scheme = withAuthorizers.Json.GetProperty("components").GetProperty("securitySchemes").GetProperty("tok");
        Assert.Equal(("apiKey", "Authorization", "custom"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("name").GetString(), scheme.GetProperty("x-amazon-apigateway-authtype").GetString()));
        Assert.Equal(("token", deployedUri), (scheme.GetProperty("x-amazon-apigateway-authorizer").GetProperty("type").GetString(), scheme.GetProperty("x-amazon-apigateway-authorizer").GetProperty("authorizerUri").GetString()));
        Assert.False(without.Json.GetProperty("components").GetProperty("securitySchemes").GetProperty("tok").TryGetProperty("x-amazon-apigateway-authorizer", out _));
    }

    [Fact]
    public async Task GetExport_NoExtensions_LeavesIntegrationsOut()
    {
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("plain")));

        var export = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/stages/prod/exports/oas30"));

        Assert.False(export.Json.GetProperty("paths").GetProperty("/pets/{id}").GetProperty("get").TryGetProperty("x-amazon-apigateway-integration", out _));
    }

    [Fact]
    public async Task GetExport_Swagger_HasBasePathAndPathParameters()
    {
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("swagger")));

        var export = SandboxApi.Ok(await ExportAsync(apiId, "prod", "swagger", "apigateway"));

        Assert.Equal(("2.0", "/prod"), (export.Json.GetProperty("swagger").GetString(), export.Json.GetProperty("basePath").GetString()));
        var parameter = export.Json.GetProperty("paths").GetProperty("/pets/{id}").GetProperty("get").GetProperty("parameters")[0];
        Assert.Equal(("id", "path", "string"), (parameter.GetProperty("name").GetString(), parameter.GetProperty("in").GetString(), parameter.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("beta", "oas30", null, 404, "NotFoundException")]
    [InlineData("prod", "postman", null, 400, "BadRequestException")]
    [InlineData("prod", "oas30", "application/yaml", 400, "BadRequestException")]
    public async Task GetExport_Refused_AnswersLikeApiGateway(string stage, string exportType, string? accept, int status, string code)
    {
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("refused")));

        var response = await _client.SendAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/stages/{stage}/exports/{exportType}", headers: accept is null ? null : [("Accept", accept)]);

        Assert.Equal((status, code), (response.Status, response.ErrorCode));
    }

    [Fact]
    public async Task GetAuthorizers_Paged_ListsEveryAuthorizerUnderItem()
    {
        var (apiId, _) = await _client.CreateRestApiAsync("authorizer-list");
        foreach (var name in new[] { "a", "b", "c" })
        {
            SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/authorizers", JsonSerializer.Serialize(new { name, type = "TOKEN", authorizerUri = SandboxApi.LambdaUri(SandboxApi.FunctionArn(name)) })));
        }

        var first = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/authorizers?limit=2"));
        var position = first.Json.GetProperty("position").GetString();
        var second = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/authorizers?limit=2&position={position}"));

        Assert.Equal(
            ["a", "b", "c"],
            first.Json.GetProperty("item").EnumerateArray().Concat(second.Json.GetProperty("item").EnumerateArray()).Select(a => a.GetProperty("name").GetString()));
        Assert.False(second.Json.TryGetProperty("position", out _));
    }

    private Task<WireResponse> ExportAsync(string apiId, string stage, string exportType, string extensions) =>
        _client.SendAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/stages/{stage}/exports/{exportType}?extensions={Uri.EscapeDataString(extensions)}", headers: [("Accept", "application/json")]);

    private async Task PutIntegrationAsync(string apiId, string resourceId, string uri) =>
        SandboxApi.Ok(await _client.RestAsync(
            "apigateway",
            HttpMethod.Put,
            $"/restapis/{apiId}/resources/{resourceId}/methods/GET/integration",
            JsonSerializer.Serialize(new { type = "AWS_PROXY", httpMethod = "POST", uri })));
}
