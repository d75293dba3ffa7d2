using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Admin;

/// <summary>
/// <c>POST /_sandbox/tags</c>: sets tags the public APIs refuse (<c>aws:cloudformation:stack-id</c>) on REST APIs, HTTP
/// and WebSocket APIs and functions, as CloudFormation does; the official AWS CLI then reads them back.
/// </summary>
public sealed class TagsEndpointTests : IAsyncLifetime
{
    private const string StackId = "arn:aws:cloudformation:us-east-1:000000000000:stack/pets/0a1b2c3d-1111-2222-3333-444455556666";

    private SandboxServer _server = null!;
    private SignedClient _client = null!;
    private AwsCli _cli = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Seed = 5 });
        _client = new SignedClient(_server.BaseUrl);
        _cli = new AwsCli(_server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _cli.Dispose();
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Post_RestApi_SetsTheStackTagGetRestApiReturns()
    {
        var (apiId, _) = await _client.CreateRestApiAsync("stacked");

        var response = await _client.TagAsAwsAsync($"arn:aws:apigateway:us-east-1::/restapis/{apiId}", ("aws:cloudformation:stack-id", StackId), ("aws:cloudformation:logical-id", "PetsApi"));
        var api = (await _cli.RunAsync("apigateway", "get-rest-api", "--rest-api-id", apiId))!.Value;

        Assert.Equal(200, response.Status);
        Assert.Equal(StackId, response.Json.GetProperty("tags").GetProperty("aws:cloudformation:stack-id").GetString());
        Assert.Equal(StackId, api.GetProperty("tags").GetProperty("aws:cloudformation:stack-id").GetString());
        Assert.Equal("PetsApi", api.GetProperty("tags").GetProperty("aws:cloudformation:logical-id").GetString());
    }

    [Theory]
    [InlineData("HTTP")]
    [InlineData("WEBSOCKET")]
    public async Task Post_V2Api_SetsTheStackTagGetApiReturns(string protocol)
    {
        var created = SandboxApi.Ok(await _client.RestAsync("apigateway", HttpMethod.Post, "/v2/apis", JsonSerializer.Serialize(new
        {
            name = "stacked", protocolType = protocol, routeSelectionExpression = "$request.body.action", tags = new Dictionary<string, string> { ["team"] = "items" },
        })));
        var apiId = created.Json.GetProperty("apiId").GetString()!;

        SandboxApi.Ok(await _client.TagAsAwsAsync($"arn:aws:apigateway:us-east-1::/apis/{apiId}", ("aws:cloudformation:stack-id", StackId)));
        var api = (await _cli.RunAsync("apigatewayv2", "get-api", "--api-id", apiId))!.Value;

        Assert.Equal(StackId, api.GetProperty("Tags").GetProperty("aws:cloudformation:stack-id").GetString());
        Assert.Equal("items", api.GetProperty("Tags").GetProperty("team").GetString());
    }

    [Fact]
    public async Task Post_Function_SetsTheStackTagListTagsReturns()
    {
        await _client.CreateFunctionAsync("stacked-fn");

        SandboxApi.Ok(await _client.TagAsAwsAsync(SandboxApi.FunctionArn("stacked-fn"), ("aws:cloudformation:stack-id", StackId)));
        var tags = (await _cli.RunAsync("lambda", "list-tags", "--resource", SandboxApi.FunctionArn("stacked-fn")))!.Value;

        Assert.Equal(StackId, tags.GetProperty("Tags").GetProperty("aws:cloudformation:stack-id").GetString());
    }

    [Fact]
    public async Task Post_Twice_LaysTagsOverEachOtherAndPersistsInState()
    {
        await _client.CreateFunctionAsync("retagged-fn");

        await _client.TagAsAwsAsync(SandboxApi.FunctionArn("retagged-fn"), ("aws:cloudformation:stack-id", "one"), ("keep", "me"));
        await _client.TagAsAwsAsync(SandboxApi.FunctionArn("retagged-fn"), ("aws:cloudformation:stack-id", "two"));
        var state = (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/state")).Json;

        var tags = state.GetProperty("functions").GetProperty("retagged-fn").GetProperty("tags");
        Assert.Equal(("two", "me"), (tags.GetProperty("aws:cloudformation:stack-id").GetString(), tags.GetProperty("keep").GetString()));
    }

    [Theory]
    [InlineData("arn:aws:apigateway:us-east-1::/restapis/nope000000")]
    [InlineData("arn:aws:apigateway:us-east-1::/apis/nope000000")]
    [InlineData("arn:aws:lambda:us-east-1:000000000000:function:nope")]
    [InlineData("arn:aws:lambda:us-east-1:000000000000:function:nope:live")]
    [InlineData("arn:aws:sqs:us-east-1:000000000000:queue")]
    public async Task Post_UnknownResource_Returns404(string arn)
    {
        var response = await _client.TagAsAwsAsync(arn, ("aws:cloudformation:stack-id", StackId));

        Assert.Equal(404, response.Status);
        Assert.Contains(arn, response.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"tags":{"a":"b"}}""")]
    [InlineData("""{"resourceArn":"arn:aws:lambda:us-east-1:000000000000:function:f"}""")]
    [InlineData("""{"resourceArn":"arn:aws:lambda:us-east-1:000000000000:function:f","tags":{}}""")]
    [InlineData("not json")]
    public async Task Post_Incomplete_Returns400(string body)
    {
        var response = await _client.PlainAsync(HttpMethod.Post, "/_sandbox/tags", body);

        Assert.Equal(400, response.Status);
        Assert.Equal(JsonValueKind.String, response.Json.GetProperty("message").ValueKind);
    }
}
