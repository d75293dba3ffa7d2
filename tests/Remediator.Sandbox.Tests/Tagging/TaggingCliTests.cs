using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Tagging;

/// <summary>
/// Tags on REST APIs, HTTP and WebSocket APIs and functions as the official AWS CLI sets and reads them: create with
/// tags, TagResource, GetTags, UntagResource; <c>aws:</c> keys refused in any case, as AWS refuses them.
/// </summary>
public sealed class TaggingCliTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly AwsCli _cli = new(sandbox.Server.BaseUrl);

    [Fact]
    public async Task RestApi_CreatedWithTags_GetRestApiAndGetTagsReturnThem()
    {
        var id = (await _cli.RunAsync("apigateway", "create-rest-api", "--name", "tagged", "--tags", "team=pets,env=prod"))!.Value.GetProperty("id").GetString()!;

        var api = (await _cli.RunAsync("apigateway", "get-rest-api", "--rest-api-id", id))!.Value;
        var tags = (await _cli.RunAsync("apigateway", "get-tags", "--resource-arn", RestArn(id)))!.Value;

        Assert.Equal(Map(("team", "pets"), ("env", "prod")), Tags(api.GetProperty("tags")));
        Assert.Equal(Map(("team", "pets"), ("env", "prod")), Tags(tags.GetProperty("tags")));
    }

    [Fact]
    public async Task RestApi_TagAndUntagResource_ChangeWhatGetRestApiReturns()
    {
        var id = (await _cli.RunAsync("apigateway", "create-rest-api", "--name", "retagged", "--tags", "team=pets"))!.Value.GetProperty("id").GetString()!;

        await _cli.RunAsync("apigateway", "tag-resource", "--resource-arn", RestArn(id), "--tags", "remediator:owner=ops,team=dogs");
        var tagged = (await _cli.RunAsync("apigateway", "get-rest-api", "--rest-api-id", id))!.Value;
        await _cli.RunAsync("apigateway", "untag-resource", "--resource-arn", RestArn(id), "--tag-keys", "team", "remediator:owner");
        var untagged = (await _cli.RunAsync("apigateway", "get-tags", "--resource-arn", RestArn(id)))!.Value;

        Assert.Equal(Map(("team", "dogs"), ("remediator:owner", "ops")), Tags(tagged.GetProperty("tags")));
        Assert.Empty(Tags(untagged.GetProperty("tags")));
    }

    [Fact]
    public async Task RestStage_TagResource_TagsTheStage()
    {
        var (apiId, _) = await sandbox.Client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("stage-tags")));

        await _cli.RunAsync("apigateway", "tag-resource", "--resource-arn", $"{RestArn(apiId)}/stages/prod", "--tags", "tier=gold");
        var stage = (await _cli.RunAsync("apigateway", "get-stage", "--rest-api-id", apiId, "--stage-name", "prod"))!.Value;

        Assert.Equal(Map(("tier", "gold")), Tags(stage.GetProperty("tags")));
    }

    [Theory]
    [InlineData("aws:cloudformation:stack-id")]
    [InlineData("AWS:cloudformation:stack-id")]
    [InlineData("Aws:anything")]
    public async Task RestApi_AwsPrefixedKey_IsRefusedOnCreateAndOnTagResource(string key)
    {
        var id = (await _cli.RunAsync("apigateway", "create-rest-api", "--name", "refused"))!.Value.GetProperty("id").GetString()!;

        var created = await _cli.FailAsync("apigateway", "create-rest-api", "--name", "forged", "--tags", $"{key}=arn:aws:cloudformation:us-east-1:000000000000:stack/s/1");
        var tagged = await _cli.FailAsync("apigateway", "tag-resource", "--resource-arn", RestArn(id), "--tags", $"{key}=x");
        var tags = (await _cli.RunAsync("apigateway", "get-tags", "--resource-arn", RestArn(id)))!.Value;

        Assert.Contains("(BadRequestException) when calling the CreateRestApi operation: Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive)", created.Stderr, StringComparison.Ordinal);
        Assert.Contains("(BadRequestException) when calling the TagResource operation: Invalid tag key.", tagged.Stderr, StringComparison.Ordinal);
        Assert.Empty(Tags(tags.GetProperty("tags")));
    }

    [Fact]
    public async Task UntagResource_AwsPrefixedKey_IsRefusedAndTheTagStays()
    {
        var (apiId, _) = await sandbox.Client.CreateRestApiAsync("untag-refused");
        SandboxApi.Ok(await sandbox.Client.TagAsAwsAsync(RestArn(apiId), ("aws:cloudformation:stack-id", "arn:aws:cloudformation:us-east-1:000000000000:stack/s/1")));
        var httpId = (await _cli.RunAsync("apigatewayv2", "create-api", "--name", "untag-refused", "--protocol-type", "HTTP"))!.Value.GetProperty("ApiId").GetString()!;
        SandboxApi.Ok(await sandbox.Client.TagAsAwsAsync(V2Arn(httpId), ("aws:cloudformation:stack-id", "arn:aws:cloudformation:us-east-1:000000000000:stack/s/1")));

        var rest = await _cli.FailAsync("apigateway", "untag-resource", "--resource-arn", RestArn(apiId), "--tag-keys", "aws:cloudformation:stack-id");
        var http = await _cli.FailAsync("apigatewayv2", "untag-resource", "--resource-arn", V2Arn(httpId), "--tag-keys", "aws:cloudformation:stack-id");
        var restTags = (await _cli.RunAsync("apigateway", "get-tags", "--resource-arn", RestArn(apiId)))!.Value;
        var httpTags = (await _cli.RunAsync("apigatewayv2", "get-tags", "--resource-arn", V2Arn(httpId)))!.Value;

        Assert.Contains("(BadRequestException)", rest.Stderr, StringComparison.Ordinal);
        Assert.Contains("(BadRequestException)", http.Stderr, StringComparison.Ordinal);
        Assert.Contains("aws:cloudformation:stack-id", Tags(restTags.GetProperty("tags")).Keys);
        Assert.Contains("aws:cloudformation:stack-id", Tags(httpTags.GetProperty("Tags")).Keys);
    }

    [Fact]
    public async Task RestApi_TagResourceOnUnknownApi_IsNotFound()
    {
        var result = await _cli.FailAsync("apigateway", "tag-resource", "--resource-arn", RestArn("nope000000"), "--tags", "a=b");

        Assert.Contains("(NotFoundException)", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP")]
    [InlineData("WEBSOCKET")]
    public async Task V2Api_CreatedWithTags_TagGetTagsUntag(string protocol)
    {
        string[] selection = protocol == "WEBSOCKET" ? ["--route-selection-expression", "$request.body.action"] : [];
        var id = (await _cli.RunAsync(["apigatewayv2", "create-api", "--name", "tagged", "--protocol-type", protocol, "--tags", "team=items", .. selection]))!.Value.GetProperty("ApiId").GetString()!;

        await _cli.RunAsync("apigatewayv2", "tag-resource", "--resource-arn", V2Arn(id), "--tags", "remediator:managed=true");
        var api = (await _cli.RunAsync("apigatewayv2", "get-api", "--api-id", id))!.Value;
        await _cli.RunAsync("apigatewayv2", "untag-resource", "--resource-arn", V2Arn(id), "--tag-keys", "team");
        var tags = (await _cli.RunAsync("apigatewayv2", "get-tags", "--resource-arn", V2Arn(id)))!.Value;

        Assert.Equal(Map(("team", "items"), ("remediator:managed", "true")), Tags(api.GetProperty("Tags")));
        Assert.Equal(Map(("remediator:managed", "true")), Tags(tags.GetProperty("Tags")));
    }

    [Fact]
    public async Task V2Api_AwsPrefixedKey_IsRefusedOnCreateAndOnTagResource()
    {
        var id = (await _cli.RunAsync("apigatewayv2", "create-api", "--name", "refused", "--protocol-type", "HTTP"))!.Value.GetProperty("ApiId").GetString()!;

        var created = await _cli.FailAsync("apigatewayv2", "create-api", "--name", "forged", "--protocol-type", "HTTP", "--tags", "aws:cloudformation:stack-id=x");
        var tagged = await _cli.FailAsync("apigatewayv2", "tag-resource", "--resource-arn", V2Arn(id), "--tags", "AWS:cloudformation:stack-id=x");
        var api = (await _cli.RunAsync("apigatewayv2", "get-api", "--api-id", id))!.Value;

        Assert.Contains("(BadRequestException) when calling the CreateApi operation: Invalid tag key.", created.Stderr, StringComparison.Ordinal);
        Assert.Contains("(BadRequestException) when calling the TagResource operation: Invalid tag key.", tagged.Stderr, StringComparison.Ordinal);
        Assert.False(api.TryGetProperty("Tags", out _));
    }

    [Fact]
    public async Task Function_AwsPrefixedKey_IsRefusedOnCreateAndOnTagResource()
    {
        await sandbox.Client.CreateFunctionAsync("tag-refused");
        var created = await sandbox.Client.RestAsync("lambda", HttpMethod.Post, "/2015-03-31/functions", """
            {"FunctionName":"tag-forged","Runtime":"python3.12","Handler":"h.handler","Role":"arn:aws:iam::000000000000:role/r",
             "Code":{"ZipFile":"UEsDBAoAAAAAAA=="},"Tags":{"aws:cloudformation:stack-id":"x"}}
            """);

        var tagged = await _cli.FailAsync("lambda", "tag-resource", "--resource", SandboxApi.FunctionArn("tag-refused"), "--tags", "aws:cloudformation:stack-id=x");
        var tags = (await _cli.RunAsync("lambda", "list-tags", "--resource", SandboxApi.FunctionArn("tag-refused")))!.Value;

        Assert.Equal((400, "InvalidParameterValueException"), (created.Status, created.ErrorCode));
        Assert.Equal(404, (await sandbox.Client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/tag-forged")).Status);
        Assert.Contains("(InvalidParameterValueException) when calling the TagResource operation", tagged.Stderr, StringComparison.Ordinal);
        Assert.Empty(Tags(tags.GetProperty("Tags")));
    }

    public void Dispose() => _cli.Dispose();

    private static string RestArn(string id) => $"arn:aws:apigateway:{SandboxApi.Region}::/restapis/{id}";

    private static string V2Arn(string id) => $"arn:aws:apigateway:{SandboxApi.Region}::/apis/{id}";

    private static Dictionary<string, string> Map(params (string Key, string Value)[] tags) => tags.ToDictionary(t => t.Key, t => t.Value);

    private static Dictionary<string, string> Tags(JsonElement tags) =>
        tags.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
}
