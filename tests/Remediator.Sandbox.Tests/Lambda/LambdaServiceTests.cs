using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Lambda;

/// <summary>Lambda over rest-json: functions, aliases and tags with AWS's error shapes.</summary>
public sealed class LambdaServiceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task CreateFunction_New_Returns201WithConfiguration()
    {
        var response = await _client.CreateFunctionAsync("create-new");

        Assert.Equal(201, response.Status);
        Assert.Equal(SandboxApi.FunctionArn("create-new"), response.Json.GetProperty("FunctionArn").GetString());
        Assert.Equal("$LATEST", response.Json.GetProperty("Version").GetString());
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("RevisionId").GetString()));
    }

    [Fact]
    public async Task CreateFunction_ExistingName_Returns409ResourceConflict()
    {
        await _client.CreateFunctionAsync("create-twice");

        var response = await _client.RestAsync("lambda", HttpMethod.Post, "/2015-03-31/functions", """
            {"FunctionName":"create-twice","Runtime":"python3.12","Handler":"h.h","Role":"arn:aws:iam::000000000000:role/r","Code":{"ZipFile":"UEsDBAoAAAAAAA=="}}
            """);

        AssertError(response, 409, "ResourceConflictException", "Function already exist: create-twice");
        Assert.Equal("User", response.Json.GetProperty("Type").GetString());
    }

    [Fact]
    public async Task CreateFunction_WithoutRuntime_Returns400InvalidParameterValue()
    {
        var response = await _client.RestAsync("lambda", HttpMethod.Post, "/2015-03-31/functions", """
            {"FunctionName":"no-runtime","Role":"arn:aws:iam::000000000000:role/r","Code":{"ZipFile":"UEsDBAoAAAAAAA=="}}
            """);

        AssertError(response, 400, "InvalidParameterValueException", "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
    }

    [Fact]
    public async Task GetFunction_UnknownName_Returns404WithCapitalMessageMember()
    {
        var response = await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/missing-fn");

        Assert.Equal(404, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorCode);
        Assert.Equal($"Function not found: {SandboxApi.FunctionArn("missing-fn")}", response.Json.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task GetFunction_Existing_ReturnsConfigurationCodeAndTags()
    {
        await _client.CreateFunctionAsync("get-full");
        await _client.RestAsync("lambda", HttpMethod.Post, $"/2017-03-31/tags/{Uri.EscapeDataString(SandboxApi.FunctionArn("get-full"))}", """{"Tags":{"team":"payments"}}""");

        var response = await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/get-full");

        Assert.Equal(200, response.Status);
        Assert.Equal("get-full", response.Json.GetProperty("Configuration").GetProperty("FunctionName").GetString());
        Assert.Equal("S3", response.Json.GetProperty("Code").GetProperty("RepositoryType").GetString());
        Assert.Equal("payments", response.Json.GetProperty("Tags").GetProperty("team").GetString());
    }

    [Fact]
    public async Task GetFunctionConfiguration_AliasQualifier_ShowsAliasArnAndVersion()
    {
        await _client.CreateFunctionAsync("config-alias", publish: true);
        await _client.CreateAliasAsync("config-alias", "live", "1");

        var response = await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/config-alias/configuration?Qualifier=live");

        Assert.Equal(200, response.Status);
        Assert.Equal(SandboxApi.FunctionArn("config-alias") + ":live", response.Json.GetProperty("FunctionArn").GetString());
        Assert.Equal("1", response.Json.GetProperty("Version").GetString());
    }

    [Fact]
    public async Task GetFunctionConfiguration_UnknownQualifier_Returns404NamingQualifiedArn()
    {
        await _client.CreateFunctionAsync("config-bad-qualifier");

        var response = await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/config-bad-qualifier/configuration?Qualifier=nope");

        Assert.Equal(404, response.Status);
        Assert.Equal($"Function not found: {SandboxApi.FunctionArn("config-bad-qualifier")}:nope", response.ErrorMessage);
    }

    [Fact]
    public async Task CreateAlias_UnpublishedVersion_Returns404()
    {
        await _client.CreateFunctionAsync("alias-no-version");

        var response = await _client.RestAsync("lambda", HttpMethod.Post, "/2015-03-31/functions/alias-no-version/aliases", """{"Name":"live","FunctionVersion":"7"}""");

        Assert.Equal(404, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task CreateAlias_Twice_Returns409()
    {
        await _client.CreateFunctionAsync("alias-twice");
        await _client.CreateAliasAsync("alias-twice", "live", "$LATEST");

        var response = await _client.RestAsync("lambda", HttpMethod.Post, "/2015-03-31/functions/alias-twice/aliases", """{"Name":"live","FunctionVersion":"$LATEST"}""");

        Assert.Equal(409, response.Status);
    }

    [Fact]
    public async Task GetAlias_Existing_ReturnsAliasConfiguration()
    {
        await _client.CreateFunctionAsync("alias-get", publish: true);
        await _client.CreateAliasAsync("alias-get", "blue", "1");

        var response = await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/alias-get/aliases/blue");

        Assert.Equal(200, response.Status);
        Assert.Equal(SandboxApi.FunctionArn("alias-get") + ":blue", response.Json.GetProperty("AliasArn").GetString());
        Assert.Equal("1", response.Json.GetProperty("FunctionVersion").GetString());
    }

    [Fact]
    public async Task GetAlias_Unknown_Returns404()
    {
        await _client.CreateFunctionAsync("alias-missing");

        var response = await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/alias-missing/aliases/green");

        Assert.Equal(404, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task ListTags_AfterTagResource_ReturnsMergedTags()
    {
        await _client.CreateFunctionAsync("tags-merge");
        var arn = Uri.EscapeDataString(SandboxApi.FunctionArn("tags-merge"));
        Assert.Equal(204, (await _client.RestAsync("lambda", HttpMethod.Post, $"/2017-03-31/tags/{arn}", """{"Tags":{"a":"1"}}""")).Status);
        await _client.RestAsync("lambda", HttpMethod.Post, $"/2017-03-31/tags/{arn}", """{"Tags":{"b":"2"}}""");

        var response = await _client.RestAsync("lambda", HttpMethod.Get, $"/2017-03-31/tags/{arn}");

        Assert.Equal("""{"Tags":{"a":"1","b":"2"}}""", response.Body);
    }

    [Fact]
    public async Task ListTags_UnknownFunction_Returns404()
    {
        var response = await _client.RestAsync("lambda", HttpMethod.Get, $"/2017-03-31/tags/{Uri.EscapeDataString(SandboxApi.FunctionArn("tags-missing"))}");

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task Resolve_UnknownLambdaPath_Returns404UnknownOperation()
    {
        var response = await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/layers");

        Assert.Equal(404, response.Status);
        Assert.Equal("UnknownOperationException", response.ErrorCode);
    }

    private static void AssertError(WireResponse response, int status, string code, string message)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorCode);
        Assert.Equal(message, response.ErrorMessage);
    }
}
