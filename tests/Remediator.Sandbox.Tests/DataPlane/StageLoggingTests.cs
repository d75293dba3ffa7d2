using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.DataPlane;

/// <summary>
/// The data plane writes logs only where and as much as the stage says, set with the official AWS CLI: REST method
/// settings (<c>*/*</c> and per-method overrides keyed <c>~1pets~1{id}/GET</c>), WebSocket default and per-route
/// settings, and access logs only into the stage's destination.
/// </summary>
public sealed class StageLoggingTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SignedClient _client = sandbox.Client;
    private readonly AwsCli _cli = new(sandbox.Server.BaseUrl);

    [Fact]
    public async Task Rest_MethodOverride_IsKeyedAsAwsKeysItAndGetStageShowsIt()
    {
        var apiId = await RestApiAsync("override-key");

        // Shorthand syntax cannot carry the braces of {id}: the CLI takes the operations as JSON.
        var stage = (await _cli.RunAsync("apigateway", "update-stage", "--rest-api-id", apiId, "--stage-name", "prod", "--patch-operations",
            SandboxApi.CliPatch(("/~1pets~1{id}/GET/logging/loglevel", "ERROR"), ("/*/*/metrics/enabled", "true"))))!.Value;

        var settings = stage.GetProperty("methodSettings");
        Assert.Equal(["*/*", "~1pets~1{id}/GET"], settings.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("ERROR", settings.GetProperty("~1pets~1{id}/GET").GetProperty("loggingLevel").GetString());
        Assert.False(settings.GetProperty("*/*").TryGetProperty("loggingLevel", out _));
    }

    // stage: the */* level; method: the GET /pets/{id} override (null = none); lines: what one failed call writes.
    [Theory]
    [InlineData("INFO", null, "all")]
    [InlineData("ERROR", null, "errors")]
    [InlineData("OFF", null, "none")]
    [InlineData(null, null, "none")]
    [InlineData("OFF", "INFO", "all")]
    [InlineData("INFO", "OFF", "none")]
    [InlineData("INFO", "ERROR", "errors")]
    public async Task Rest_FailedCall_WritesExecutionLinesOnlyAsTheStageOrMethodLogs(string? stageLevel, string? methodLevel, string lines)
    {
        var apiId = await RestApiAsync($"levels-{stageLevel}-{methodLevel}".ToLowerInvariant());
        var operations = new List<(string Path, string Value)>();
        if (stageLevel is not null)
        {
            operations.Add(("/*/*/logging/loglevel", stageLevel));
        }

        if (methodLevel is not null)
        {
            operations.Add(("/~1pets~1{id}/GET/logging/loglevel", methodLevel));
        }

        if (operations.Count > 0)
        {
            await _cli.RunAsync("apigateway", "update-stage", "--rest-api-id", apiId, "--stage-name", "prod", "--patch-operations", SandboxApi.CliPatch([.. operations]));
        }

        Assert.Equal(500, (await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1")).Status);
        var written = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod");

        switch (lines)
        {
            case "none":
                Assert.Empty(written);
                break;
            case "errors":
                Assert.Equal(["Execution failed due to configuration error: Invalid permissions on Lambda function"], written.Select(Text));
                break;
            default:
                Assert.Contains("Method completed with status: 500", written.Select(Text));
                Assert.True(written.Count > 5, string.Join('\n', written));
                break;
        }
    }

    [Fact]
    public async Task Rest_StageFromCreateStage_LogsNothingUntilUpdateStage()
    {
        var apiId = await RestApiAsync("create-stage");
        var deployment = (await _cli.RunAsync("apigateway", "create-deployment", "--rest-api-id", apiId))!.Value.GetProperty("id").GetString()!;
        await _cli.RunAsync("apigateway", "create-stage", "--rest-api-id", apiId, "--stage-name", "beta", "--deployment-id", deployment);

        await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/beta/_user_request_/pets/1");
        var before = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/beta");
        await _cli.RunAsync("apigateway", "update-stage", "--rest-api-id", apiId, "--stage-name", "beta", "--patch-operations", "op=replace,path=/*/*/logging/loglevel,value=ERROR");
        await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/beta/_user_request_/pets/1");
        var after = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/beta");

        Assert.Empty(before);
        Assert.Single(after);
    }

    [Fact]
    public async Task WebSocket_UpdateStage_DefaultAndRouteLevelsDecideWhatIsWritten()
    {
        var apiId = await WebSocketApiAsync("ws-levels");
        var group = $"API-Gateway-Execution-Logs_{apiId}/prod";

        await SendAsync(apiId, "sendMessage");
        var off = await _client.LogMessagesAsync(group);
        var stage = (await _cli.RunAsync("apigatewayv2", "update-stage", "--api-id", apiId, "--stage-name", "prod",
            "--default-route-settings", "LoggingLevel=INFO", "--route-settings", """{"join":{"LoggingLevel":"OFF"}}"""))!.Value;
        await SendAsync(apiId, "join");
        var joinOff = await _client.LogMessagesAsync(group);
        await SendAsync(apiId, "sendMessage");
        var sendInfo = await _client.LogMessagesAsync(group);

        Assert.Equal("INFO", stage.GetProperty("DefaultRouteSettings").GetProperty("LoggingLevel").GetString());
        Assert.Equal("OFF", stage.GetProperty("RouteSettings").GetProperty("join").GetProperty("LoggingLevel").GetString());
        Assert.Empty(off);
        Assert.Empty(joinOff);
        Assert.Contains(sendInfo, l => l.EndsWith("WebSocket Request Route: [sendMessage]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WebSocket_UpdateStage_RejectsUnknownLevel()
    {
        var apiId = await WebSocketApiAsync("ws-bad-level");

        var result = await _client.RestAsync("apigateway", new HttpMethod("PATCH"), $"/v2/apis/{apiId}/stages/prod", """{"defaultRouteSettings":{"loggingLevel":"DEBUG"}}""");

        Assert.Equal((400, "BadRequestException"), (result.Status, result.ErrorCode));
    }

    [Fact]
    public async Task Http_AccessLines_GoOnlyToTheStagesDestinationAndFollowUpdateStage()
    {
        var apiId = await HttpApiAsync("http-access");

        await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/$default/_user_request_/items");
        await _cli.RunAsync("apigatewayv2", "update-stage", "--api-id", apiId, "--stage-name", "$default",
            "--access-log-settings", $"DestinationArn=arn:aws:logs:us-east-1:000000000000:log-group:/http/{apiId}/one:*,Format=$context.requestId $context.status");
        var first = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/$default/_user_request_/items");
        var stage = (await _cli.RunAsync("apigatewayv2", "update-stage", "--api-id", apiId, "--stage-name", "$default",
            "--access-log-settings", $"DestinationArn=arn:aws:logs:us-east-1:000000000000:log-group:/http/{apiId}/two,Format=$context.requestId $context.status"))!.Value;
        var second = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/$default/_user_request_/items");

        var groups = (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/state")).Json.GetProperty("logGroups").EnumerateObject().Select(g => g.Name).Where(g => g.Contains(apiId, StringComparison.Ordinal));
        Assert.Equal([$"/http/{apiId}/one", $"/http/{apiId}/two"], groups.Order(StringComparer.Ordinal));
        Assert.Equal([$"{first.Header("x-amzn-RequestId")} 500"], await _client.LogMessagesAsync($"/http/{apiId}/one"));
        Assert.Equal([$"{second.Header("x-amzn-RequestId")} 500"], await _client.LogMessagesAsync($"/http/{apiId}/two"));
        Assert.Equal($"arn:aws:logs:us-east-1:000000000000:log-group:/http/{apiId}/two", stage.GetProperty("AccessLogSettings").GetProperty("DestinationArn").GetString());
    }

    public void Dispose() => _cli.Dispose();

    private static string Text(string line) => line[(line.IndexOf(") ", StringComparison.Ordinal) + 2)..];

    private async Task<string> RestApiAsync(string function)
    {
        await _client.CreateFunctionAsync(function);
        return (await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn(function)))).ApiId;
    }

    private async Task<string> WebSocketApiAsync(string function)
    {
        await _client.CreateFunctionAsync(function);
        var apiId = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, "/v2/apis", """{"name":"ws","protocolType":"WEBSOCKET","routeSelectionExpression":"$request.body.action"}""")).Json.GetProperty("apiId").GetString()!;
        var integration = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/integrations", JsonSerializer.Serialize(new { integrationType = "AWS_PROXY", integrationUri = SandboxApi.LambdaUri(SandboxApi.FunctionArn(function)) })))
            .Json.GetProperty("integrationId").GetString();
        foreach (var key in new[] { "sendMessage", "join" })
        {
            SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/routes", JsonSerializer.Serialize(new { routeKey = key, target = $"integrations/{integration}" })));
        }

        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/stages", """{"stageName":"prod"}"""));
        return apiId;
    }

    private async Task<string> HttpApiAsync(string function)
    {
        await _client.CreateFunctionAsync(function);
        var apiId = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, "/v2/apis", """{"name":"http","protocolType":"HTTP"}""")).Json.GetProperty("apiId").GetString()!;
        var integration = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/integrations", JsonSerializer.Serialize(new { integrationType = "AWS_PROXY", integrationUri = SandboxApi.LambdaUri(SandboxApi.FunctionArn(function)) })))
            .Json.GetProperty("integrationId").GetString();
        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/routes", $$"""{"routeKey":"GET /items","target":"integrations/{{integration}}"}"""));
        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/v2/apis/{apiId}/stages", """{"stageName":"$default","autoDeploy":true}"""));
        return apiId;
    }

    private Task<WireResponse> SendAsync(string apiId, string action) =>
        _client.PlainAsync(HttpMethod.Post, $"/restapis/{apiId}/prod/_user_request_/", JsonSerializer.Serialize(new { action }));
}
