using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Admin;

/// <summary>Introspection: <c>GET /_sandbox/state</c> with per-operation counts, and <c>POST /_sandbox/reset</c>.</summary>
public sealed class AdminChannelTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task State_AfterCalls_ShowsPoliciesPerQualifierAndRequestCounts()
    {
        await _client.CreateFunctionAsync("introspect", publish: true);
        await _client.CreateAliasAsync("introspect", "live", "1");
        await _client.AddPermissionAsync("introspect", "on-live", "arn:aws:execute-api:us-east-1:000000000000:a/*/GET/x", qualifier: "live");
        await _client.AddPermissionAsync("introspect", "on-latest", "arn:aws:execute-api:us-east-1:000000000000:a/*/GET/y");

        var state = (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/state")).Json;

        var policies = state.GetProperty("functions").GetProperty("introspect").GetProperty("policies");
        Assert.Equal("on-live", policies.GetProperty("live")[0].GetProperty("Sid").GetString());
        Assert.Equal("on-latest", policies.GetProperty("$LATEST")[0].GetProperty("Sid").GetString());
        Assert.True(state.GetProperty("requestCounts").GetProperty("lambda:AddPermission").GetInt32() >= 2);
        Assert.Equal("000000000000", state.GetProperty("accountId").GetString());
    }

    [Fact]
    public async Task Reset_ClearsEverything()
    {
        await _client.QueryAsync("sns", [("Action", "CreateTopic"), ("Name", "before-reset")]);

        var reset = await _client.PlainAsync(HttpMethod.Post, "/_sandbox/reset");
        var state = (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/state")).Json;

        Assert.Equal(204, reset.Status);
        Assert.Equal("{}", state.GetProperty("topics").GetRawText());
        Assert.Equal("{}", state.GetProperty("requestCounts").GetRawText());
    }

    [Fact]
    public async Task UnknownAdminPath_Returns404()
    {
        var response = await _client.PlainAsync(HttpMethod.Get, "/_sandbox/nothing");

        Assert.Equal(404, response.Status);
    }
}
