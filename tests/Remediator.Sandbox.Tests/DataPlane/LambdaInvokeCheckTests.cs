using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.DataPlane;

/// <summary>
/// How the data plane decides a Lambda call beyond the resource policy: integrations that call as a role,
/// functions in other accounts, and functions or aliases that do not exist. Each refusal writes the execution-log
/// lines real API Gateway writes for a refused call.
/// </summary>
public sealed class LambdaInvokeCheckTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string InvalidPermissions = "Execution failed due to configuration error: Invalid permissions on Lambda function";
    private const string ForeignFunction = "arn:aws:lambda:us-east-1:111122223333:function:shared-pets";

    private readonly SignedClient _client = sandbox.Client;

    [Theory]
    [InlineData("nothing declared", null, null)]
    [InlineData("another function", "self", "arn:aws:lambda:us-east-1:000000000000:function:somebody-else")]
    [InlineData("another role", "arn:aws:iam::000000000000:role/another-role", "self")]
    [InlineData("a pattern for another name", "self", "arn:aws:lambda:us-east-1:000000000000:function:cats*")]
    public async Task Invoke_RoleWithoutPermissionForTheFunction_RefusesEvenWhenTheResourcePolicyAllows(string why, string? declaredRole, string? declaredFunction)
    {
        var name = $"role-refused-{why.Replace(' ', '-')}";
        var (apiId, arn, role) = await SeedRoleApiAsync(name);
        SandboxApi.Ok(await _client.AddPermissionAsync(arn, "apigw", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/GET/pets/*"));
        if (declaredRole is not null)
        {
            SandboxApi.Ok(await _client.AllowRoleAsync(declaredRole == "self" ? role : declaredRole, declaredFunction == "self" ? arn : declaredFunction!));
        }

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal(500, response.Status);
        Assert.Equal("InternalServerErrorException", response.ErrorCode);
        var lines = await LinesAsync(apiId, response);
        Assert.EndsWith($"Sending request to https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/{arn}/invocations", lines[^3], StringComparison.Ordinal);
        Assert.EndsWith(InvalidPermissions, lines[^2], StringComparison.Ordinal);
        Assert.EndsWith("Method completed with status: 500", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exact", "arn:aws:lambda:us-east-1:000000000000:function:{name}")]
    [InlineData("prefix", "arn:aws:lambda:us-east-1:000000000000:function:{name}*")]
    [InlineData("any", "arn:aws:lambda:*:000000000000:function:*")]
    [InlineData("one-char", "arn:aws:lambda:us-east-?:000000000000:function:{name}")]
    public async Task Invoke_RoleDeclaredForTheFunction_Returns200WithoutAResourcePolicy(string name, string pattern)
    {
        var (apiId, arn, role) = await SeedRoleApiAsync($"role-allowed-{name}");
        SandboxApi.Ok(await _client.AllowRoleAsync(role, pattern.Replace("{name}", $"dp-role-allowed-{name}", StringComparison.Ordinal)));

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal(200, response.Status);
        Assert.Equal(arn, response.Json.GetProperty("functionArn").GetString());
        Assert.Equal(404, (await _client.GetPolicyAsync(arn)).Status);
    }

    [Fact]
    public async Task Invoke_RoleDeclaredForTheUnqualifiedArnOnly_RefusesTheAlias()
    {
        await _client.CreateFunctionAsync("dp-role-alias", publish: true);
        await _client.CreateAliasAsync("dp-role-alias", "live", "1");
        var arn = SandboxApi.FunctionArn("dp-role-alias");
        const string role = "arn:aws:iam::000000000000:role/dp-role-alias";
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(arn + ":live"), credentials: role);
        await EnableInfoLogsAsync(apiId);
        SandboxApi.Ok(await _client.AllowRoleAsync(role, arn));

        var refused = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");
        SandboxApi.Ok(await _client.AllowRoleAsync(role, arn + ":*"));
        var allowed = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal((500, 200), (refused.Status, allowed.Status));
        Assert.Equal("1", allowed.Json.GetProperty("executedVersion").GetString());
    }

    [Fact]
    public async Task Invoke_RoleMayInvokeButTheAliasDoesNotExist_LogsLambdasNotFound()
    {
        var (apiId, arn, role) = await SeedRoleApiAsync("role-missing-alias", ":gone");
        SandboxApi.Ok(await _client.AllowRoleAsync(role, arn + "*"));

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal(500, response.Status);
        var lines = await LinesAsync(apiId, response);
        Assert.Contains("Lambda invocation failed with status: 404.", lines[^3], StringComparison.Ordinal);
        Assert.EndsWith($"Execution failed due to configuration error: Function not found: {arn}:gone", lines[^2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Invoke_StageVariableNamesAFunctionInAnotherAccount_LogsInvalidPermissions(bool roleDeclared)
    {
        var name = $"foreign-{roleDeclared}".ToLowerInvariant();
        string? role = roleDeclared ? $"arn:aws:iam::000000000000:role/{name}" : null;
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri("${stageVariables.fn}"), credentials: role);
        await EnableInfoLogsAsync(apiId, ("replace", "/variables/fn", ForeignFunction));
        if (role is not null)
        {
            // The role's own permission is not enough: the other account's resource policy must allow it too.
            SandboxApi.Ok(await _client.AllowRoleAsync(role, ForeignFunction));
        }

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal(500, response.Status);
        var lines = await LinesAsync(apiId, response);
        Assert.Contains(lines, l => l.EndsWith($"Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/{ForeignFunction}/invocations", StringComparison.Ordinal));
        Assert.EndsWith(InvalidPermissions, lines[^2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("not found", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("missing-function", "dp-never-created")]
    [InlineData("missing-alias", "dp-invoke-missing-alias:canary")]
    [InlineData("missing-version", "dp-invoke-missing-version:7")]
    public async Task Invoke_StageVariableNamesSomethingThatDoesNotExist_LogsInvalidPermissions(string name, string target)
    {
        await _client.CreateFunctionAsync($"dp-invoke-{name}", publish: true);
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("${stageVariables.fn}")));
        await EnableInfoLogsAsync(apiId, ("replace", "/variables/fn", target));

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal(500, response.Status);
        var lines = await LinesAsync(apiId, response);
        Assert.EndsWith($"Sending request to https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/{SandboxApi.FunctionArn(target)}/invocations", lines[^3], StringComparison.Ordinal);
        Assert.EndsWith(InvalidPermissions, lines[^2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("not found", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Invoke_AuthorizerWithRoleThatMayNotInvoke_LogsInvalidPermissionsThenAuthorizerError()
    {
        await _client.CreateFunctionAsync("dp-role-authorizer");
        await _client.CreateFunctionAsync("dp-role-authorized");
        var (apiId, _) = await _client.CreateRestApiAsync("role-authorizer");
        var authorizer = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/authorizers", System.Text.Json.JsonSerializer.Serialize(new
        {
            name = "tok", type = "TOKEN", authorizerUri = SandboxApi.LambdaUri(SandboxApi.FunctionArn("dp-role-authorizer")),
            identitySource = "method.request.header.Authorization", authorizerCredentials = "arn:aws:iam::000000000000:role/dp-authorizer-role",
        }))).Json.GetProperty("id").GetString();
        await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("dp-role-authorized")), authorization: "CUSTOM", authorizerId: authorizer, apiId: apiId);
        await EnableInfoLogsAsync(apiId);

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal((500, "AuthorizerConfigurationException"), (response.Status, response.ErrorCode));
        var lines = await LinesAsync(apiId, response);
        Assert.EndsWith(InvalidPermissions, lines[^2], StringComparison.Ordinal);
        Assert.EndsWith("Execution failed due to configuration error: Authorizer error", lines[^1], StringComparison.Ordinal);
    }

    /// <summary>A function behind <c>GET /pets/{id}</c> whose integration calls as its own role, INFO logs on.</summary>
    private async Task<(string ApiId, string FunctionArn, string Role)> SeedRoleApiAsync(string name, string qualifierSuffix = "")
    {
        var function = $"dp-{name}";
        await _client.CreateFunctionAsync(function, publish: true);
        var arn = SandboxApi.FunctionArn(function);
        var role = $"arn:aws:iam::000000000000:role/{name}";
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(arn + qualifierSuffix), credentials: role);
        await EnableInfoLogsAsync(apiId);
        return (apiId, arn, role);
    }

    private async Task EnableInfoLogsAsync(string apiId, params (string Op, string Path, string Value)[] more) =>
        SandboxApi.Ok(await _client.PatchStageAsync(apiId, "prod", [("replace", "/*/*/logging/loglevel", "INFO"), .. more]));

    private async Task<List<string>> LinesAsync(string apiId, WireResponse response) =>
        await _client.LogMessagesAsync($"API-Gateway-Execution-Logs_{apiId}/prod", $"\"({response.Header("x-amzn-RequestId")})\"");
}
