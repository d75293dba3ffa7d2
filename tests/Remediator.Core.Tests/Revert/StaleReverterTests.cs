using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Revert;
using Remediator.Core.Tests.Engine;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Revert;

/// <summary><c>revert --stale</c> against the fakes: proven stale, then reverted with every check of revert.</summary>
public class StaleReverterTests
{
    private const string Id = "7c1c0d2e-1111-4222-8333-444455556666";
    private static readonly LambdaFunctionArn PetsArn = LambdaFunctionArn.Parse(Pets).Value!;

    [Fact]
    public async Task RunAsync_FixOfADeletedApi_FoundThroughTheLedgerRemovedAndRecordMarkedReverted()
    {
        (EngineWorld world, string sid) = await FixedWorldAsync();
        world.Rest.RemoveApi(RestApiId);

        RevertReport report = await RunAsync(world, new RevertRequest { Owner = "op" });

        RevertResult result = Assert.Single(report.Results);
        Assert.Equal((RevertStatus.Reverted, sid, true), (result.Status, result.StatementId, result.LedgerUpdated));
        Assert.Contains($"stale: API {RestApiId} no longer exists", result.Detail, StringComparison.Ordinal);
        Assert.Empty(world.Lambda.Statements(Pets));
        await foreach (LedgerRecord record in world.Ledger.ListAsync(CancellationToken.None))
        {
            Assert.Equal((RemediationState.Reverted, null), (record.Outcome.State, record.Outcome.Fix));
        }
    }

    [Fact]
    public async Task RunAsync_FixStillInUse_IsKept()
    {
        (EngineWorld world, string sid) = await FixedWorldAsync();

        RevertReport report = await RunAsync(world, new RevertRequest { Owner = "op" });
        RevertReport named = await RunAsync(world, new RevertRequest { Function = PetsArn, Owner = "op" });

        Assert.Equal((0, 1), (report.Results.Count, report.InUse));
        Assert.Empty(named.Results);
        Assert.Equal([sid], world.Lambda.Statements(Pets).Select(s => PolicyParser.Parse(LambdaStatementWriter.WritePolicy([s])).Value!.Statements[0].Sid));
        Assert.Equal(0, world.Lambda.Count("RemovePermission"));
    }

    [Fact]
    public async Task RunAsync_ApiDeletedButItsReadDenied_IsRefusedAndKept()
    {
        (EngineWorld world, _) = await FixedWorldAsync();
        world.Rest.RemoveApi(RestApiId);
        world.Rest.DeniedApis.Add(RestApiId);

        RevertReport report = await RunAsync(world, new RevertRequest { Function = PetsArn, Owner = "op" });

        RevertResult result = Assert.Single(report.Results);
        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("not proven stale", result.Detail, StringComparison.Ordinal);
        Assert.False(report.Succeeded);
        Assert.Single(world.Lambda.Statements(Pets));
    }

    [Fact]
    public async Task RunAsync_DryRun_WritesNeitherPolicyNorLedger()
    {
        (EngineWorld world, string sid) = await FixedWorldAsync();
        world.Rest.RemoveApi(RestApiId);
        LedgerRecord? before = await world.Ledger.GetAsync((await FirstKeyAsync(world))!, CancellationToken.None);

        RevertReport report = await RunAsync(world, new RevertRequest { DryRun = true, Owner = "op" });

        Assert.Equal((RevertStatus.WouldRevert, sid), (Assert.Single(report.Results).Status, report.Results[0].StatementId));
        Assert.Equal(0, world.Lambda.Count("RemovePermission"));
        Assert.Equal(before, await world.Ledger.GetAsync(before!.Key, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_StaleButEditedByHand_IsRefused()
    {
        var world = new EngineWorld().WithPetsApi();
        string arn = $"arn:aws:execute-api:{Region}:{Account}:gone123456/*/GET/pets/*";
        string sid = PermissionGrant.Create(PetsArn, arn, Account).Value!.StatementId;
        world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(sid, "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, arn, OtherAccount));

        RevertReport report = await RunAsync(world, new RevertRequest { Function = PetsArn, Owner = "op" });

        Assert.Equal(RevertStatus.Refused, Assert.Single(report.Results).Status);
        Assert.Single(world.Lambda.Statements(Pets));
    }

    private static async Task<(EngineWorld World, string StatementId)> FixedWorldAsync()
    {
        var world = new EngineWorld().WithPetsApi();
        EngineOutcome fix = Assert.Single((await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets/42", Pets)))).Outcomes);
        Assert.Equal(RemediationOutcome.Fixed, fix.Outcome);
        return (world, fix.StatementId!);
    }

    private static async Task<string?> FirstKeyAsync(EngineWorld world)
    {
        await foreach (LedgerRecord record in world.Ledger.ListAsync(CancellationToken.None))
        {
            return record.Key;
        }

        return null;
    }

    private static Task<RevertReport> RunAsync(EngineWorld world, RevertRequest request) =>
        new StaleReverter(world.Rest, world.V2, world.Lambda, world.Ledger).RunAsync(request, Account, Region, CancellationToken.None);
}
