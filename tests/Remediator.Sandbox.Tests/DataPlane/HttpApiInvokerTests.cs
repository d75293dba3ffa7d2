using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.DataPlane;

/// <summary>The HTTP API data plane: route keys, stage variables, access-log lines carrying the integration error.</summary>
public sealed class HttpApiInvokerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task Invoke_NoPermission_Returns500AndAccessLogCarriesIntegrationErrorMessage()
    {
        var (apiId, _) = await SeedAsync("denied");

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/$default/_user_request_/pets/7");

        Assert.Equal(500, response.Status);
        Assert.Equal("""{"message":"Internal Server Error"}""", response.Body);
        var line = JsonDocument.Parse(Assert.Single(await _client.LogMessagesAsync($"/http/{apiId}"))).RootElement;
        Assert.Equal(response.Header("x-amzn-RequestId"), line.GetProperty("requestId").GetString());
        Assert.Equal("GET /pets/{id}", line.GetProperty("routeKey").GetString());
        Assert.Equal("500", line.GetProperty("status").GetString());
        Assert.Equal("-", line.GetProperty("integrationStatus").GetString());
        Assert.Equal(
            "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.",
            line.GetProperty("integrationErrorMessage").GetString());
    }

    [Fact]
    public async Task Invoke_PermissionForRoute_Returns200()
    {
        var (apiId, arn) = await SeedAsync("allowed");
        SandboxApi.Ok(await _client.AddPermissionAsync(arn, "apigw-http", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/GET/pets/*", qualifier: "blue"));

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/$default/_user_request_/pets/7");

        Assert.Equal(200, response.Status);
        var line = JsonDocument.Parse((await _client.LogMessagesAsync($"/http/{apiId}")).Last()).RootElement;
        Assert.Equal("200", line.GetProperty("integrationStatus").GetString());
    }

    [Fact]
    public async Task Invoke_NoMatchingRouteButDefault_UsesDefaultRouteSourceArn()
    {
        var (apiId, arn) = await SeedAsync("fallback");
        var integration = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Get, $"/v2/apis/{apiId}/integrations")).Json.GetProperty("items")[0].GetProperty("integrationId").GetString();
        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/routes", $$"""{"routeKey":"$default","target":"integrations/{{integration}}"}"""));
        SandboxApi.Ok(await _client.AddPermissionAsync(arn, "default-route", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/$default", qualifier: "blue"));

        var viaDefault = await _client.PlainAsync(HttpMethod.Post, $"/restapis/{apiId}/$default/_user_request_/anything/else");
        var viaPets = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/$default/_user_request_/pets/1");

        Assert.Equal(200, viaDefault.Status);
        Assert.Equal(500, viaPets.Status);
    }

    [Fact]
    public async Task Invoke_NoRoute_Returns404NotFound()
    {
        var (apiId, _) = await SeedAsync("no-route");

        var response = await _client.PlainAsync(HttpMethod.Delete, $"/restapis/{apiId}/$default/_user_request_/pets/1");

        Assert.Equal(404, response.Status);
        Assert.Equal("""{"message":"Not Found"}""", response.Body);
    }

    [Fact]
    public async Task Invoke_IntegrationRoleWithoutPermission_AccessLogCarriesTheRoleMessageEvenWhenThePolicyAllows()
    {
        const string role = "arn:aws:iam::000000000000:role/http-role-refused";
        var (apiId, arn) = await SeedAsync("role-refused", credentialsArn: role);
        SandboxApi.Ok(await _client.AddPermissionAsync(arn, "apigw-http", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/GET/pets/*", qualifier: "blue"));

        var refused = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/$default/_user_request_/pets/7");
        SandboxApi.Ok(await _client.AllowRoleAsync(role, arn + ":blue"));
        var allowed = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/$default/_user_request_/pets/7");

        Assert.Equal((500, 200), (refused.Status, allowed.Status));
        var line = JsonDocument.Parse((await _client.LogMessagesAsync($"/http/{apiId}", $"\"{refused.Header("x-amzn-RequestId")}\"")).Single()).RootElement;
        Assert.Equal(
            "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.",
            line.GetProperty("integrationErrorMessage").GetString());
    }

    [Fact]
    public async Task Invoke_IntegrationRoleThatDoesNotTrustApiGateway_AccessLogCarriesTheAssumeRoleMessage()
    {
        const string role = "arn:aws:iam::000000000000:role/http-role-untrusting";
        var (apiId, arn) = await SeedAsync("role-untrusting", credentialsArn: role);
        SandboxApi.Ok(await _client.AllowRoleAsync(role, arn + ":blue"));
        SandboxApi.Ok(await _client.SetRoleTrustAsync(role));

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/$default/_user_request_/pets/7");

        Assert.Equal(500, response.Status);
        var line = JsonDocument.Parse((await _client.LogMessagesAsync($"/http/{apiId}", $"\"{response.Header("x-amzn-RequestId")}\"")).Single()).RootElement;
        Assert.Equal(
            "API Gateway doesn\u2019t have permissions to assume the IAM role configured on the integration. Check the permissions and try again.",
            line.GetProperty("integrationErrorMessage").GetString());
    }

    [Theory]
    [InlineData("missing-alias", "green")]
    [InlineData("foreign", "x")]
    public async Task Invoke_StageVariableNamesNothingThisAccountCanCall_AccessLogCarriesThePermissionMessage(string name, string color)
    {
        var (apiId, _) = await SeedAsync(name, color: color, functionArn: name == "foreign" ? "arn:aws:lambda:us-east-1:111122223333:function:shared" : null);

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/$default/_user_request_/pets/7");

        Assert.Equal(500, response.Status);
        var line = JsonDocument.Parse(Assert.Single(await _client.LogMessagesAsync($"/http/{apiId}"))).RootElement;
        Assert.Equal(
            "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.",
            line.GetProperty("integrationErrorMessage").GetString());
    }

    /// <summary>
    /// An HTTP API whose <c>GET /pets/{id}</c> integration targets alias <c>${stageVariables.color}</c> (blue unless
    /// told) of a fresh function, or of <paramref name="functionArn"/> when given.
    /// </summary>
    private async Task<(string ApiId, string FunctionArn)> SeedAsync(string name, string? credentialsArn = null, string color = "blue", string? functionArn = null)
    {
        var function = $"http-{name}";
        await _client.CreateFunctionAsync(function, publish: true);
        await _client.CreateAliasAsync(function, "blue", "1");
        var arn = functionArn ?? SandboxApi.FunctionArn(function);
        var apiId = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, "/v2/apis", $$"""{"name":"{{name}}","protocolType":"HTTP"}""")).Json.GetProperty("apiId").GetString()!;
        var integration = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/integrations", JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["integrationType"] = "AWS_PROXY", ["integrationUri"] = SandboxApi.LambdaUri(arn + ":${stageVariables.color}"), ["payloadFormatVersion"] = "2.0", ["credentialsArn"] = credentialsArn,
        }.Where(p => p.Value is not null).ToDictionary()))).Json.GetProperty("integrationId").GetString();
        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/routes", $$"""{"routeKey":"GET /pets/{id}","target":"integrations/{{integration}}"}"""));
        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/stages", JsonSerializer.Serialize(new
        {
            stageName = "$default", autoDeploy = true, stageVariables = new { color },
            accessLogSettings = new { destinationArn = $"arn:aws:logs:us-east-1:000000000000:log-group:/http/{apiId}" },
        })));
        return (apiId, arn);
    }
}
