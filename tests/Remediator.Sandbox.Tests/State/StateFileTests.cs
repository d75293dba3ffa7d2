using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.State;

/// <summary>The state file: what one sandbox saves, the next one serves.</summary>
public sealed class StateFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sandbox-state-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task StartAsync_WithStateFileSavedByEarlierSandbox_ServesSameResources()
    {
        string revision;
        await using (var first = await SandboxServer.StartAsync(new SandboxOptions { StateFile = _path }))
        {
            using var client = new SignedClient(first.BaseUrl);
            await client.CreateFunctionAsync("persisted", publish: true);
            await client.CreateAliasAsync("persisted", "live", "1");
            await client.AddPermissionAsync("persisted", "apigw", "arn:aws:execute-api:us-east-1:000000000000:api1234567/*/GET/pets", qualifier: "live");
            revision = (await client.GetPolicyAsync("persisted", "live")).Json.GetProperty("RevisionId").GetString()!;
        }

        await using var second = await SandboxServer.StartAsync(new SandboxOptions { StateFile = _path });
        using var reader = new SignedClient(second.BaseUrl);
        var policy = await reader.GetPolicyAsync("persisted", "live");

        Assert.Equal(200, policy.Status);
        Assert.Equal(revision, policy.Json.GetProperty("RevisionId").GetString());
        Assert.Contains("apigw", policy.Json.GetProperty("Policy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_MutatingCall_WritesFileBeforeAnswering()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { StateFile = _path });
        using var client = new SignedClient(server.BaseUrl);

        await client.QueryAsync("sns", [("Action", "CreateTopic"), ("Name", "saved-now")]);

        var saved = JsonDocument.Parse(await File.ReadAllTextAsync(_path)).RootElement;
        Assert.True(saved.GetProperty("topics").TryGetProperty("arn:aws:sns:us-east-1:000000000000:saved-now", out _));
    }

    [Fact]
    public async Task StartAsync_CorruptStateFile_Throws()
    {
        await File.WriteAllTextAsync(_path, "not json");

        await Assert.ThrowsAnyAsync<JsonException>(() => SandboxServer.StartAsync(new SandboxOptions { StateFile = _path }));
    }

    public void Dispose()
    {
        File.Delete(_path);
        File.Delete(_path + ".tmp");
    }
}
