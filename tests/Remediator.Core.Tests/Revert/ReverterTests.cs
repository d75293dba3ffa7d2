using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Revert;
using Remediator.Core.Tests.Engine;
using Remediator.Core.Tests.Fakes;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Revert;

/// <summary>Reverting what the engine added, from the function's policy and from the ledger, against the fakes.</summary>
public class ReverterTests
{
    private const string Id = "6b1c0d2e-1111-4222-8333-444455556666";
    private static readonly string[] Failure = RestFailure(Id, "GET", "/pets/42", Pets);
    private static readonly LambdaFunctionArn PetsArn = LambdaFunctionArn.Parse(Pets).Value!;

    [Fact]
    public async Task RunAsync_FunctionPolicy_RemovesOnlyRemediatorsStatement()
    {
        (EngineWorld world, string sid) = await FixedWorldAsync();
        string byHand = Hand("remediator-pets-by-hand");
        world.Lambda.AddStatement(Pets, null, byHand);

        RevertReport report = await Revert(world, new RevertRequest { Function = PetsArn, Owner = "op" });

        RevertResult result = Assert.Single(report.Results);
        Assert.Equal((RevertStatus.Reverted, sid), (result.Status, result.StatementId));
        Assert.Equal(1, report.Untouched);
        Assert.Equal([byHand], world.Lambda.Statements(Pets));
    }

    [Fact]
    public async Task RunAsync_RemediatorIdWithAnotherPrincipal_RefusesAndLeavesIt()
    {
        var world = new EngineWorld().WithPetsApi();
        string sid = StatementIdFactory.Create(PetsArn, "events.amazonaws.com", "lambda:InvokeFunction", "arn:aws:events:us-east-1:123456789012:rule/x", Account);
        world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(sid, "events.amazonaws.com", "lambda:InvokeFunction", Pets, "arn:aws:events:us-east-1:123456789012:rule/x", Account));

        RevertReport report = await Revert(world, new RevertRequest { Function = PetsArn, Owner = "op" });

        RevertResult result = Assert.Single(report.Results);
        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("events.amazonaws.com", result.Detail, StringComparison.Ordinal);
        Assert.False(report.Succeeded);
        Assert.Equal(0, world.Lambda.Count("RemovePermission"));
        Assert.Single(world.Lambda.Statements(Pets));
    }

    [Fact]
    public async Task RunAsync_DryRun_WritesNeitherPolicyNorLedger()
    {
        (EngineWorld world, string sid) = await FixedWorldAsync();
        LedgerRecord before = Assert.Single(await Records(world));

        RevertReport report = await Revert(world, new RevertRequest { FromLedger = true, DryRun = true, Owner = "op" });

        Assert.Equal((RevertStatus.WouldRevert, sid), (Assert.Single(report.Results).Status, report.Results[0].StatementId));
        Assert.Equal(0, world.Lambda.Count("RemovePermission"));
        Assert.Single(world.Lambda.Statements(Pets));
        Assert.Equal(before, Assert.Single(await Records(world)));
    }

    [Fact]
    public async Task RunAsync_FromLedger_RemovesTheFixAndMarksTheRecordReverted()
    {
        (EngineWorld world, string sid) = await FixedWorldAsync();

        RevertReport report = await Revert(world, new RevertRequest { FromLedger = true, Owner = "op" });

        RevertResult result = Assert.Single(report.Results);
        Assert.Equal((RevertStatus.Reverted, sid, true), (result.Status, result.StatementId, result.LedgerUpdated));
        Assert.Empty(world.Lambda.Statements(Pets));
        LedgerRecord record = Assert.Single(await Records(world));
        Assert.Equal((RemediationState.Reverted, 0, null, null), (record.Outcome.State, record.Outcome.Attempts, record.Outcome.Fix, record.Lease));
        Assert.Equal(Assert.Single(result.Fingerprints), record.Key);
    }

    [Fact]
    public async Task RunAsync_FromLedgerTwice_SecondRunHasNothingLeft()
    {
        (EngineWorld world, _) = await FixedWorldAsync();
        await Revert(world, new RevertRequest { FromLedger = true, Owner = "op" });

        RevertReport again = await Revert(world, new RevertRequest { FromLedger = true, Owner = "op" });

        Assert.Empty(again.Results);
    }

    [Fact]
    public async Task RunAsync_FromLedgerFilteredToAnotherFunction_TouchesNothing()
    {
        (EngineWorld world, _) = await FixedWorldAsync();

        RevertReport report = await Revert(world, new RevertRequest { FromLedger = true, Function = PetsArn with { FunctionName = "orders" }, AnyQualifier = true, Owner = "op" });

        Assert.Empty(report.Results);
        Assert.Single(world.Lambda.Statements(Pets));
    }

    [Fact]
    public async Task RunAsync_StatementAlreadyGone_CountsAsRevertedAndIsRecorded()
    {
        (EngineWorld world, string sid) = await FixedWorldAsync();
        await world.Lambda.RemovePermissionAsync(Pets, sid, null, null, CancellationToken.None);

        RevertReport report = await Revert(world, new RevertRequest { Function = PetsArn, StatementId = sid, Owner = "op" });

        RevertResult result = Assert.Single(report.Results);
        Assert.Equal((RevertStatus.AlreadyGone, true), (result.Status, result.LedgerUpdated));
        Assert.True(report.Succeeded);
        Assert.Equal(RemediationState.Reverted, Assert.Single(await Records(world)).Outcome.State);
    }

    [Fact]
    public async Task RunAsync_PolicyChangesOnceBeforeRemoving_ReadsAgainAndRemoves()
    {
        (EngineWorld world, _) = await FixedWorldAsync();
        int changes = 0;
        world.Lambda.BeforeRemovePermission = _ =>
        {
            if (changes++ == 0)
            {
                world.Lambda.AddStatement(Pets, null, Hand("someone-else"));
            }
        };

        RevertReport report = await Revert(world, new RevertRequest { Function = PetsArn, Owner = "op" });

        Assert.Equal(RevertStatus.Reverted, Assert.Single(report.Results).Status);
        Assert.Equal(2, world.Lambda.Count("RemovePermission"));
        Assert.Equal([Hand("someone-else")], world.Lambda.Statements(Pets));
    }

    [Fact]
    public async Task RunAsync_PolicyKeepsChanging_ReportsConflictAfterOneRetryAndReleasesTheRecord()
    {
        (EngineWorld world, string sid) = await FixedWorldAsync();
        int changes = 0;
        world.Lambda.BeforeRemovePermission = _ => world.Lambda.AddStatement(Pets, null, Hand($"someone-{changes++}"));

        RevertReport report = await Revert(world, new RevertRequest { FromLedger = true, Owner = "op" });

        Assert.Equal(RevertStatus.Conflict, Assert.Single(report.Results).Status);
        Assert.Equal(2, world.Lambda.Count("RemovePermission"));
        Assert.Contains(world.Lambda.Statements(Pets), s => s.Contains(sid, StringComparison.Ordinal));
        LedgerRecord record = Assert.Single(await Records(world));
        Assert.Equal((RemediationState.Fixed, null), (record.Outcome.State, record.Lease));
    }

    [Fact]
    public async Task RunAsync_EngineHoldsTheRecord_LeavesTheStatementAndSaysBusy()
    {
        (EngineWorld world, _) = await FixedWorldAsync();
        LedgerRecord record = Assert.Single(await Records(world));
        await world.Ledger.ClaimAsync(new ClaimRequest(record.Key, "invocation-9", TimeSpan.FromMinutes(5)), CancellationToken.None);

        RevertReport report = await Revert(world, new RevertRequest { FromLedger = true, Owner = "op" });

        RevertResult result = Assert.Single(report.Results);
        Assert.Equal(RevertStatus.Busy, result.Status);
        Assert.Contains("invocation-9", result.Detail, StringComparison.Ordinal);
        Assert.Single(world.Lambda.Statements(Pets));
    }

    [Fact]
    public async Task RunAsync_UnreadablePolicy_RefusesWithoutRemoving()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddStatement(Pets, null, "{\"Sid\":\"odd\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + Pets + "\",\"Unknown\":1}");

        RevertReport report = await Revert(world, new RevertRequest { Function = PetsArn, Owner = "op" });

        RevertResult result = Assert.Single(report.Results);
        Assert.Equal((RevertStatus.Refused, null), (result.Status, result.StatementId));
        Assert.Contains("cannot be read", result.Detail, StringComparison.Ordinal);
        Assert.Equal(0, world.Lambda.Count("RemovePermission"));
    }

    [Fact]
    public async Task RunAsync_NamedFunctionDoesNotExist_IsRefusedNotReportedAsDone()
    {
        var world = new EngineWorld();

        RevertReport report = await Revert(world, new RevertRequest { Function = PetsArn, Owner = "op" });

        Assert.Equal(RevertStatus.Refused, Assert.Single(report.Results).Status);
        Assert.Contains("does not exist", report.Results[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StatementIdRemediatorDoesNotCreate_IsRefusedUnread()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddStatement(Pets, null, Hand("remediator-pets-by-hand"));

        RevertReport report = await Revert(world, new RevertRequest { Function = PetsArn, StatementId = "remediator-pets-by-hand", Owner = "op" });

        Assert.Equal(RevertStatus.Refused, Assert.Single(report.Results).Status);
        Assert.Empty(world.Lambda.Calls);
    }

    [Fact]
    public async Task ProcessAsync_AfterRecordedRevert_FixesAgainInsteadOfEscalating()
    {
        (EngineWorld world, _) = await FixedWorldAsync(maxAttempts: 1);
        await Revert(world, new RevertRequest { FromLedger = true, Owner = "op" });

        EngineOutcome again = Assert.Single((await world.RunAsync(RestBatch(Failure), "invocation-2")).Outcomes);

        Assert.Equal((RemediationOutcome.Fixed, OutcomeReason.PermissionMissing), (again.Outcome, again.Reason));
        Assert.Single(world.Lambda.Statements(Pets));
    }

    [Fact]
    public async Task ProcessAsync_AfterUnrecordedRemoval_Escalates()
    {
        // The control for the test above: a removal the ledger does not know of reads as "something removes it".
        (EngineWorld world, string sid) = await FixedWorldAsync(maxAttempts: 1);
        await world.Lambda.RemovePermissionAsync(Pets, sid, null, null, CancellationToken.None);

        EngineOutcome again = Assert.Single((await world.RunAsync(RestBatch(Failure), "invocation-2")).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RepeatedFailure), (again.Outcome, again.Reason));
    }

    private static async Task<(EngineWorld World, string StatementId)> FixedWorldAsync(int maxAttempts = 3)
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { MaxAttempts = maxAttempts };
        EngineOutcome fix = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);
        Assert.Equal(RemediationOutcome.Fixed, fix.Outcome);
        return (world, fix.StatementId!);
    }

    private static Task<RevertReport> Revert(EngineWorld world, RevertRequest request) =>
        new Reverter(world.Lambda, world.Ledger).RunAsync(request, CancellationToken.None);

    private static async Task<List<LedgerRecord>> Records(EngineWorld world)
    {
        var records = new List<LedgerRecord>();
        await foreach (LedgerRecord record in world.Ledger.ListAsync(CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    private static string Hand(string sid) => LambdaStatementWriter.WriteStatement(
        sid, "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, $"arn:aws:execute-api:us-east-1:{Account}:{RestApiId}/*/GET/pets/*", Account);
}
