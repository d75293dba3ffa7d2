using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.DataPlane;

/// <summary>The REST data plane end to end: stage variables, per-qualifier policies, execution logs, gateway responses.</summary>
public sealed class RestInvokerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task Invoke_AliasPolicyMissing_Returns500AndWritesExecutionLogSequence()
    {
        var (apiId, arn) = await SeedAliasApiAsync("seq");

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/42?color=brown");

        Assert.Equal(500, response.Status);
        Assert.Equal("""{"message": "Internal server error"}""", response.Body);
        Assert.Equal("InternalServerErrorException", response.ErrorCode);
        var requestId = response.Header("x-amzn-RequestId")!;
        var lines = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod", $"\"({requestId})\"");
        LogTemplate.AssertMatches("rest-missing-permission.log", new Dictionary<string, string> { ["requestId"] = requestId, ["apiId"] = apiId, ["functionArn"] = arn + ":live" }, lines);
    }

    [Fact]
    public async Task Invoke_AfterPermissionOnAlias_Returns200WithCannedProxyResponse()
    {
        var (apiId, arn) = await SeedAliasApiAsync("fixed");
        SandboxApi.Ok(await _client.AddPermissionAsync(arn, "apigw", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/GET/pets/*", qualifier: "live"));

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/42");

        Assert.Equal(200, response.Status);
        Assert.Equal(arn + ":live", response.Json.GetProperty("functionArn").GetString());
        Assert.Equal("1", response.Json.GetProperty("executedVersion").GetString());
        var lines = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod", $"\"({response.Header("x-amzn-RequestId")})\"");
        Assert.EndsWith("Successfully completed execution", lines[^2], StringComparison.Ordinal);
        Assert.EndsWith("Method completed with status: 200", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_DraftChangedAfterDeployment_CallsWhatTheStageDeployed()
    {
        var deployed = SandboxApi.FunctionArn("deployed-pets");
        var draft = SandboxApi.FunctionArn("draft-pets");
        await _client.CreateFunctionAsync("deployed-pets");
        await _client.CreateFunctionAsync("draft-pets");
        var (apiId, resourceId) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(deployed));
        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Put, $"/restapis/{apiId}/resources/{resourceId}/methods/GET/integration", JsonSerializer.Serialize(new { type = "AWS_PROXY", httpMethod = "POST", uri = SandboxApi.LambdaUri(draft) })));
        SandboxApi.Ok(await _client.AddPermissionAsync("deployed-pets", "apigw", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/GET/pets/*"));
        SandboxApi.Ok(await _client.AddPermissionAsync("draft-pets", "apigw", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/GET/pets/*"));

        var before = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");
        SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/deployments", """{"stageName":"prod"}"""));
        var after = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal(deployed, before.Json.GetProperty("functionArn").GetString());
        Assert.Equal(draft, after.Json.GetProperty("functionArn").GetString());
    }

    [Fact]
    public async Task Invoke_PermissionOnUnqualifiedFunctionOnly_StillDeniesAliasInvocation()
    {
        var (apiId, arn) = await SeedAliasApiAsync("wrong-qualifier");
        await _client.AddPermissionAsync(arn, "apigw", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/GET/pets/*");

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/42");

        Assert.Equal(500, response.Status);
    }

    [Fact]
    public async Task Invoke_PermissionForOtherStage_Denies()
    {
        var (apiId, arn) = await SeedAliasApiAsync("other-stage");
        await _client.AddPermissionAsync(arn, "apigw", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/beta/GET/pets/*", qualifier: "live");

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/42");

        Assert.Equal(500, response.Status);
    }

    [Theory]
    [InlineData("OFF", 0)]
    [InlineData("ERROR", 1)]
    [InlineData("INFO", 16)]
    public async Task Invoke_StageLoggingLevel_DecidesWhichLinesAreWritten(string level, int expectedLines)
    {
        var (apiId, _) = await SeedAliasApiAsync($"level-{level}", level);

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/42");

        var lines = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod");
        Assert.Equal(500, response.Status);
        Assert.Equal(expectedLines, lines.Count);
        if (expectedLines == 1)
        {
            Assert.EndsWith("Execution failed due to configuration error: Invalid permissions on Lambda function", lines[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Invoke_UnknownRoute_Returns403MissingAuthenticationTokenWithoutLogs()
    {
        var (apiId, _) = await SeedAliasApiAsync("no-route");

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/cats");

        Assert.Equal(403, response.Status);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorCode);
        Assert.Empty(await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod"));
    }

    [Fact]
    public async Task Invoke_UnknownStage_Returns403Forbidden()
    {
        var (apiId, _) = await SeedAliasApiAsync("no-stage");

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/beta/_user_request_/pets/42");

        Assert.Equal(403, response.Status);
        Assert.Equal("""{"message":"Forbidden"}""", response.Body);
    }

    [Fact]
    public async Task Invoke_StageVariableNamesMissingAlias_LogsThePermissionFailureForTheAliasArn()
    {
        var (apiId, arn) = await SeedAliasApiAsync("missing-alias");
        await _client.PatchStageAsync(apiId, "prod", ("replace", "/variables/alias", "gone"));

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/42?color=brown");

        var lines = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod", $"\"({response.Header("x-amzn-RequestId")})\"");
        Assert.Equal(500, response.Status);
        LogTemplate.AssertMatches("rest-missing-permission.log", new Dictionary<string, string> { ["requestId"] = response.Header("x-amzn-RequestId")!, ["apiId"] = apiId, ["functionArn"] = arn + ":gone" }, lines);
    }

    [Fact]
    public async Task Invoke_AuthorizerWithoutPermission_Returns500NullMessageAndAuthorizerErrorLines()
    {
        await _client.CreateFunctionAsync("dp-authorizer-fn");
        await _client.CreateFunctionAsync("dp-authorized-fn");
        var (apiId, _) = await _client.CreateRestApiAsync("authorized");
        var authorizer = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/authorizers", JsonSerializer.Serialize(new
        {
            name = "tok", type = "TOKEN", authorizerUri = SandboxApi.LambdaUri(SandboxApi.FunctionArn("dp-authorizer-fn")), identitySource = "method.request.header.Authorization",
        }))).Json.GetProperty("id").GetString();
        await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("dp-authorized-fn")), authorization: "CUSTOM", authorizerId: authorizer, apiId: apiId);
        await _client.PatchStageAsync(apiId, "prod", ("replace", "/*/*/logging/loglevel", "INFO"));

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal(500, response.Status);
        Assert.Equal("""{"message":null}""", response.Body);
        Assert.Equal("AuthorizerConfigurationException", response.ErrorCode);
        var lines = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod", "\"Execution failed\"");
        Assert.Equal(2, lines.Count);
        Assert.EndsWith("Invalid permissions on Lambda function", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("Execution failed due to configuration error: Authorizer error", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_AccessLogSettings_WritesRecommendedJsonWithIntegrationError()
    {
        var (apiId, _) = await SeedAliasApiAsync("access");
        await _client.PatchStageAsync(apiId, "prod", ("replace", "/accessLogSettings/destinationArn", "arn:aws:logs:us-east-1:000000000000:log-group:rest-access"));

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/42");

        var line = JsonDocument.Parse((await _client.LogMessagesAsync("rest-access", $"\"{response.Header("x-amzn-RequestId")}\"")).Single()).RootElement;
        Assert.Equal("500", line.GetProperty("status").GetString());
        Assert.Equal("Execution failed due to configuration error: Invalid permissions on Lambda function", line.GetProperty("integrationErrorMessage").GetString());
        Assert.Equal("API_CONFIGURATION_ERROR", line.GetProperty("errorResponseType").GetString());
    }

    [Fact]
    public async Task Invoke_FunctionReservedAtZero_Returns500AndLogsTheThrottledCall()
    {
        var (apiId, _) = await SeedAliasApiAsync("throttled", "ERROR");
        SandboxApi.Ok(await _client.PutFunctionConcurrencyAsync("dp-throttled", 0));
        await _client.AddPermissionAsync(SandboxApi.FunctionArn("dp-throttled"), "apigw", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/GET/pets/*", qualifier: "live");

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/42");

        var requestId = response.Header("x-amzn-RequestId")!;
        var lines = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod");
        Assert.Equal(500, response.Status);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith($"({requestId}) Lambda invocation failed with status: 429. Lambda request id: ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"({requestId}) Execution failed due to configuration error: Rate Exceeded.", lines[1]);
    }

    [Fact]
    public async Task Invoke_CredentialsRoleThatDoesNotTrustApiGateway_Returns500WithoutCallingLambda()
    {
        const string Role = "arn:aws:iam::000000000000:role/dp-lambda-only";
        await _client.CreateFunctionAsync("dp-role");
        await _client.AllowRoleAsync(Role, SandboxApi.FunctionArn("dp-role"));
        SandboxApi.Ok(await _client.SetRoleTrustAsync(Role, "lambda.amazonaws.com"));
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("dp-role")), credentials: Role);
        await _client.PatchStageAsync(apiId, "prod", ("replace", "/*/*/logging/loglevel", "INFO"));

        var refused = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");
        var lines = await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod", $"\"({refused.Header("x-amzn-RequestId")})\"");
        SandboxApi.Ok(await _client.SetRoleTrustAsync(Role, "lambda.amazonaws.com", "apigateway.amazonaws.com"));
        var trusted = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal(500, refused.Status);
        Assert.Contains(lines, l => l.EndsWith($"Execution failed due to configuration error: API Gateway does not have permission to assume the provided role {Role}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Sending request to", StringComparison.Ordinal));
        Assert.Equal(200, trusted.Status);
    }

    /// <summary>A function with alias <c>live</c> behind <c>GET /pets/{id}</c>, the alias picked by a stage variable.</summary>
    private async Task<(string ApiId, string FunctionArn)> SeedAliasApiAsync(string name, string logLevel = "INFO")
    {
        var function = $"dp-{name}";
        await _client.CreateFunctionAsync(function, publish: true);
        await _client.CreateAliasAsync(function, "live", "1");
        var arn = SandboxApi.FunctionArn(function);
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(arn + ":${stageVariables.alias}"));
        SandboxApi.Ok(await _client.PatchStageAsync(apiId, "prod", ("replace", "/variables/alias", "live"), ("replace", "/*/*/logging/loglevel", logLevel)));
        return (apiId, arn);
    }
}
