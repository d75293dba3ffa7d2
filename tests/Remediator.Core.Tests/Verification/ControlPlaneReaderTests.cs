using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Fakes;
using Remediator.Core.Verification;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Verification;

public class ControlPlaneReaderTests
{
    private static readonly Dictionary<string, string> StackTags = new() { ["aws:cloudformation:stack-id"] = "arn:aws:cloudformation:us-east-1:123456789012:stack/pets/1" };

    [Fact]
    public async Task GetApiTagsAsync_AfterResolution_ReusesGetRestApiWithoutACallOfItsOwn()
    {
        var rest = new InMemoryApiGateway().AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/pets/{id}", "GET", Proxy(Function("pets")));
        rest.TagApi(RestApiId, StackTags);
        var reader = new ControlPlaneReader(rest, new InMemoryApiGatewayV2(), new InMemoryLambda());
        await ApiResolver.ResolveAsync(Request(RestApiId, "GET", "/pets/1"), reader, CancellationToken.None);
        int calls = rest.Calls.Count;

        IReadOnlyDictionary<string, string>? tags = await reader.GetApiTagsAsync(ApiType.Rest, RestApiId, CancellationToken.None);

        Assert.Equal(StackTags, tags);
        Assert.Equal(calls, rest.Calls.Count);
        Assert.Equal(1, rest.Count("GetRestApi"));
    }

    [Theory]
    [InlineData(ApiType.Http)]
    [InlineData(ApiType.WebSocket)]
    public async Task GetApiTagsAsync_V2Api_ComesFromGetApiOnce(ApiType type)
    {
        var v2 = new InMemoryApiGatewayV2().AddApi(HttpApiId, type == ApiType.Http ? "HTTP" : "WEBSOCKET").TagApi(HttpApiId, StackTags);
        var reader = new ControlPlaneReader(new InMemoryApiGateway(), v2, new InMemoryLambda());

        IReadOnlyDictionary<string, string>? first = await reader.GetApiTagsAsync(type, HttpApiId, CancellationToken.None);
        IReadOnlyDictionary<string, string>? second = await reader.GetApiTagsAsync(type, HttpApiId, CancellationToken.None);

        Assert.Equal(StackTags, first);
        Assert.Same(first, second);
        Assert.Equal(1, v2.Count("GetApi"));
    }

    [Fact]
    public async Task GetApiTagsAsync_NoSuchApi_IsNull()
    {
        var reader = new ControlPlaneReader(new InMemoryApiGateway(), new InMemoryApiGatewayV2(), new InMemoryLambda());

        Assert.Null(await reader.GetApiTagsAsync(ApiType.Rest, "nope", CancellationToken.None));
    }

    [Fact]
    public async Task GetApiTagsAsync_UnknownType_IsABug()
    {
        var reader = new ControlPlaneReader(new InMemoryApiGateway(), new InMemoryApiGatewayV2(), new InMemoryLambda());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => reader.GetApiTagsAsync(ApiType.Unknown, RestApiId, CancellationToken.None));
    }

    [Fact]
    public async Task GetStageLoggingAsync_AfterResolution_ReusesGetStage()
    {
        var logging = new StageLogging("ERROR", new Dictionary<string, string> { ["~1pets~1{id}/GET"] = "INFO" }, null);
        var rest = new InMemoryApiGateway().AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/pets/{id}", "GET", Proxy(Function("pets")));
        rest.SetLogging(RestApiId, Stage, logging);
        var reader = new ControlPlaneReader(rest, new InMemoryApiGatewayV2(), new InMemoryLambda());
        await ApiResolver.ResolveAsync(Request(RestApiId, "GET", "/pets/1"), reader, CancellationToken.None);

        StageLogging? read = await reader.GetStageLoggingAsync(ApiType.Rest, RestApiId, Stage, CancellationToken.None);

        Assert.Equal(logging, read);
        Assert.Equal(1, rest.Count("GetStage"));
    }

    [Fact]
    public async Task GetStageLoggingAsync_V2StageWithoutSettings_IsNone()
    {
        var v2 = new InMemoryApiGatewayV2().AddApi(HttpApiId).AddStage(HttpApiId, "$default").SetLogging(HttpApiId, "$default", StageLogging.None);
        var reader = new ControlPlaneReader(new InMemoryApiGateway(), v2, new InMemoryLambda());

        Assert.Equal(StageLogging.None, await reader.GetStageLoggingAsync(ApiType.Http, HttpApiId, "$default", CancellationToken.None));
        Assert.Null(await reader.GetStageLoggingAsync(ApiType.Http, HttpApiId, "beta", CancellationToken.None));
    }

    private static ResolutionRequest Request(string apiId, string method, string path) =>
        new(new ApiTarget(Region, Account, apiId), Stage, TargetKind.Integration, ApiType.Unknown, method, path, null);
}
