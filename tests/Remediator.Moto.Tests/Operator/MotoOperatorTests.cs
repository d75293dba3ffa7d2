using System.Text.Json;
using Remediator.Cli;
using Remediator.Cli.Commands;
using Remediator.Moto.Tests.Support;

namespace Remediator.Moto.Tests.Operator;

/// <summary><c>remediator audit</c> and <c>revert</c> against moto, seeded through boto3.</summary>
[Collection(MotoCollection.Name)]
public sealed class MotoOperatorTests(MotoFixture fixture) : IAsyncLifetime
{
    private const string AccessLogGroup = "items-access";
    private const string IntegrationRefused = "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.";

    private readonly MotoWorld _world = new(fixture.Server);

    public Task InitializeAsync() => fixture.Server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Audit_MissingThenFixed_ReportsMissingThenAllowed()
    {
        string apiId = await _world.SeedItemsApiAsync(AccessLogGroup);

        var before = Audit();
        var (replayed, _, error) = _world.Replay(MotoWorld.AccessLogPayload(AccessLogGroup, apiId, "GET /items", "GET", "/items", "integrationErrorMessage", IntegrationRefused), "enforce");
        var after = Audit();

        Assert.Equal((ExitCodes.ActionNeeded, 0, ExitCodes.Success), (before.ExitCode, replayed, after.ExitCode));
        Assert.True(replayed == 0, error);
        JsonElement missing = Assert.Single(before.Targets);
        Assert.Equal(("Missing", MotoWorld.FunctionArn("items")), (missing.GetProperty("status").GetString(), missing.GetProperty("functionArn").GetString()));
        Assert.Contains("aws lambda add-permission", missing.GetProperty("addPermissionCommand").GetString(), StringComparison.Ordinal);
        Assert.Equal("Allowed", Assert.Single(after.Targets).GetProperty("status").GetString());
    }

    // moto answers RemovePermission with 412 even for the RevisionId GetPolicy just returned (moto 5.2.1), where
    // Lambda removes the statement: revert reads and judges once more, then reports the statement as kept changing.
    [Fact]
    public async Task Revert_OnMoto_DryRunFindsTheFixButRemovalMeetsMotosRevisionIdGap()
    {
        string apiId = await _world.SeedItemsApiAsync(AccessLogGroup);
        var (replayed, outcomes, error) = _world.Replay(MotoWorld.AccessLogPayload(AccessLogGroup, apiId, "GET /items", "GET", "/items", "integrationErrorMessage", IntegrationRefused), "enforce");
        Assert.True(replayed == 0, error);
        string statementId = Assert.Single(outcomes).GetProperty("statementId").GetString()!;

        var dryRun = Revert("--dry-run");
        var removal = Revert();

        Assert.Equal(ExitCodes.Success, dryRun.ExitCode);
        Assert.Equal(("WouldRevert", statementId), (Assert.Single(dryRun.Results).GetProperty("status").GetString(), dryRun.Results[0].GetProperty("statementId").GetString()));
        Assert.Equal(ExitCodes.ActionNeeded, removal.ExitCode);
        Assert.Equal("Conflict", Assert.Single(removal.Results).GetProperty("status").GetString());
        Assert.Equal([statementId], (await _world.PolicyStatementsAsync("items")).Select(s => s.GetProperty("Sid").GetString()));
    }

    private (int ExitCode, IReadOnlyList<JsonElement> Targets) Audit()
    {
        var (code, output, error) = MotoWorld.Cli((console, env) => AuditCommand.Create(console, env), _world.Environment(), "audit", "--output", "json");
        Assert.True(code is ExitCodes.Success or ExitCodes.ActionNeeded, error);
        using var report = JsonDocument.Parse(output);
        return (code, [.. report.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.Clone())]);
    }

    private (int ExitCode, IReadOnlyList<JsonElement> Results) Revert(params string[] options)
    {
        var (code, output, error) = MotoWorld.Cli((console, env) => RevertCommand.Create(console, env), _world.Environment(), ["revert", "--function", "items", "--output", "json", .. options]);
        Assert.True(code is ExitCodes.Success or ExitCodes.ActionNeeded, error);
        return (code, [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())]);
    }
}
