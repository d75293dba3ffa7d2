using System.Text.Json;
using Remediator.Sandbox.DataPlane;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.DataPlane;

/// <summary>The WebSocket data plane: route selection, route-key source ARNs, execution logs.</summary>
public sealed class WebSocketInvokerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task Invoke_MessageSelectsRouteWithoutPermission_Returns500AndLogsRoute()
    {
        var (apiId, _) = await SeedAsync("ws-denied");

        var response = await _client.PlainAsync(HttpMethod.Post, $"/restapis/{apiId}/prod/_user_request_/", """{"action":"sendMessage","data":"hi"}""");

        Assert.Equal(500, response.Status);
        Assert.Equal("Internal server error", response.Json.GetProperty("message").GetString());
        var lines = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod");
        Assert.Contains(lines, l => l.EndsWith("WebSocket Request Route: [sendMessage]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("Execution failed due to configuration error: Invalid permissions on Lambda function", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_PermissionForRouteKey_Returns200AndHeaderPicksConnect()
    {
        var (apiId, arn) = await SeedAsync("ws-allowed");
        await _client.AddPermissionAsync(arn, "ws", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/sendMessage");

        var message = await _client.PlainAsync(HttpMethod.Post, $"/restapis/{apiId}/prod/_user_request_/", """{"action":"sendMessage"}""");
        var connect = await _client.PlainAsync(HttpMethod.Post, $"/restapis/{apiId}/prod/_user_request_/", "", [(WebSocketInvoker.RouteKeyHeader, "$connect")]);

        Assert.Equal(200, message.Status);
        Assert.Equal(500, connect.Status);
    }

    [Theory]
    [InlineData("$request.body.action", """{"action":"join"}""", "join")]
    [InlineData("$request.body.meta.kind", """{"meta":{"kind":"ping"}}""", "ping")]
    [InlineData("$request.body.action", """{"other":1}""", "$default")]
    [InlineData("$request.body.action", "not json", "$default")]
    [InlineData("$request.header.x", """{"action":"join"}""", "$default")]
    public void SelectRouteKey_Expression_PicksRoute(string expression, string body, string expected)
    {
        Assert.Equal(expected, WebSocketInvoker.SelectRouteKey(expression, body));
    }

    private async Task<(string ApiId, string FunctionArn)> SeedAsync(string function)
    {
        await _client.CreateFunctionAsync(function);
        var arn = SandboxApi.FunctionArn(function);
        var apiId = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, "/v2/apis", """{"name":"ws","protocolType":"WEBSOCKET","routeSelectionExpression":"$request.body.action"}""")).Json.GetProperty("apiId").GetString()!;
        var integration = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/integrations", JsonSerializer.Serialize(new { integrationType = "AWS_PROXY", integrationUri = SandboxApi.LambdaUri(arn) })))
            .Json.GetProperty("integrationId").GetString();
        foreach (var key in new[] { "sendMessage", "$connect" })
        {
            SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/routes", JsonSerializer.Serialize(new { routeKey = key, target = $"integrations/{integration}" })));
        }

        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/stages", """{"stageName":"prod","defaultRouteSettings":{"loggingLevel":"INFO"}}"""));
        return (apiId, arn);
    }
}
