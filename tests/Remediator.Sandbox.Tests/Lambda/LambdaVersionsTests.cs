using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Lambda;

/// <summary>PublishVersion as Lambda answers it: numbered snapshots, preconditions, no new version without a change.</summary>
public sealed class LambdaVersionsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task PublishVersion_First_Returns201Version1WithItsOwnEmptyPolicy()
    {
        await _client.CreateFunctionAsync("pv-first");
        SandboxApi.Ok(await _client.AddPermissionAsync("pv-first", "latest-only", null));

        var published = await Publish("pv-first", "{}");
        var configuration = await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/pv-first/configuration?Qualifier=1");
        var versionPolicy = await _client.GetPolicyAsync("pv-first", "1");

        Assert.Equal(201, published.Status);
        Assert.Equal(("1", SandboxApi.FunctionArn("pv-first") + ":1"), (published.Json.GetProperty("Version").GetString(), published.Json.GetProperty("FunctionArn").GetString()));
        Assert.Equal("1", SandboxApi.Ok(configuration).Json.GetProperty("Version").GetString());
        Assert.Equal(404, versionPolicy.Status);
    }

    [Fact]
    public async Task PublishVersion_NothingChanged_ReturnsTheLastVersionInsteadOfANewOne()
    {
        await _client.CreateFunctionAsync("pv-unchanged", publish: true);

        var again = await Publish("pv-unchanged", """{"Description":"second"}""");

        Assert.Equal(201, again.Status);
        Assert.Equal("1", again.Json.GetProperty("Version").GetString());
        Assert.Equal(404, (await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/pv-unchanged/configuration?Qualifier=2")).Status);
    }

    [Fact]
    public async Task PublishVersion_StaleRevisionId_Returns412BeforeTheCodeCheck()
    {
        await _client.CreateFunctionAsync("pv-revision");

        var response = await Publish("pv-revision", """{"RevisionId":"00000000-0000-0000-0000-000000000000","CodeSha256":"wrong"}""");

        Assert.Equal((412, "PreconditionFailedException"), (response.Status, response.ErrorCode));
    }

    [Fact]
    public async Task PublishVersion_OtherCodeSha256_Returns400AndPublishesNothing()
    {
        var created = await _client.CreateFunctionAsync("pv-code");
        var sha = created.Json.GetProperty("CodeSha256").GetString();

        var response = await Publish("pv-code", """{"CodeSha256":"AAAA"}""");

        Assert.Equal((400, "InvalidParameterValueException"), (response.Status, response.ErrorCode));
        Assert.Equal($"CodeSHA256 (AAAA) is different from current CodeSHA256 in $LATEST ({sha}). Please try again with the CodeSHA256 in $LATEST.", response.ErrorMessage);
        Assert.Equal(404, (await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/pv-code/configuration?Qualifier=1")).Status);
    }

    [Fact]
    public async Task PublishVersion_UnknownFunction_Returns404()
    {
        var missing = await Publish("pv-missing", "{}");

        Assert.Equal((404, "ResourceNotFoundException"), (missing.Status, missing.ErrorCode));
    }

    [Fact]
    public async Task PublishVersion_ByTheAwsCli_IsWhatAVersionIntegrationInvokes()
    {
        using var cli = new AwsCli(sandbox.Server.BaseUrl);
        await _client.CreateFunctionAsync("pv-cli");
        var version = (await cli.RunAsync("lambda", "publish-version", "--function-name", "pv-cli", "--description", "v1"))!.Value;
        var arn = SandboxApi.FunctionArn("pv-cli") + ":1";
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(arn));

        var refused = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");
        SandboxApi.Ok(await _client.AddPermissionAsync("pv-cli", "apigw", $"arn:aws:execute-api:us-east-1:000000000000:{apiId}/*/GET/pets/*", qualifier: "1"));
        var allowed = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/1");

        Assert.Equal(("1", "v1"), (version.GetProperty("Version").GetString(), version.GetProperty("Description").GetString()));
        Assert.Equal((500, 200), (refused.Status, allowed.Status));
        Assert.Equal("1", allowed.Json.GetProperty("executedVersion").GetString());
    }

    private Task<WireResponse> Publish(string function, string body) =>
        _client.RestAsync("lambda", HttpMethod.Post, $"/2015-03-31/functions/{function}/versions", body);
}
