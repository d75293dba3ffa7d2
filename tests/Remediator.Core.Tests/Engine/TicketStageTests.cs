using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Intake;
using Remediator.Core.Ledger;
using Remediator.Core.Ports;
using Remediator.Core.Tickets;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>One OpsItem per root cause, through the engine: when one opens, updates, resolves, or is left alone.</summary>
public class TicketStageTests
{
    private const string Crash = "Lambda execution failed with status 200 due to customer function error: KeyError: 'id'";

    private static EngineWorld Recommending() => new EngineWorld { Settings = new EngineWorld().Settings with { Mode = RemediatorMode.Recommend } }.WithPetsApi();

    private static LogBatch Outage(string request = "r1") => RestBatch(RestFailure(request, "GET", "/pets/42", Pets));

    private static LogBatch Crashing(string request = "c1") => RestBatch(RestFunctionFailure(request, "GET", "/pets/42", Pets, Crash));

    [Fact]
    public async Task ProcessAsync_FunctionErrorSeenAgain_UpdatesItsOpsItemAndNeverResolvesIt()
    {
        var world = new EngineWorld().WithPetsApi();

        EngineOutcome first = Assert.Single((await world.RunAsync(Crashing("c1"))).Outcomes);
        EngineOutcome again = Assert.Single((await world.RunAsync(Crashing("c2"), "invocation-2")).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.FunctionError, TicketAction.Opened), (first.Outcome, first.Reason, first.TicketAction));
        Assert.Equal((first.OpsItemId, TicketAction.Updated), (again.OpsItemId, again.TicketAction));
        Fakes.InMemoryOpsCenter.Item item = Single(world);
        Assert.Equal(("Open", "3", "Availability"), (item.Status, item.Draft.Severity, item.Draft.Category));
        Assert.Equal(first.OpsItemId, (await world.SingleRecordAsync()).Outcome.OpsItemId);
    }

    [Fact]
    public async Task ProcessAsync_RecommendedThenFixedInEnforceMode_ResolvesTheOpsItemWithWhatWasVerified()
    {
        EngineWorld world = Recommending();
        EngineOutcome recommended = Assert.Single((await world.RunAsync(Outage("r1"))).Outcomes);

        world.Settings = world.Settings with { Mode = RemediatorMode.Enforce };
        EngineOutcome fixedNow = Assert.Single((await world.RunAsync(Outage("r2"), "invocation-2")).Outcomes);

        Assert.Equal((RemediationOutcome.Recommended, TicketAction.Opened), (recommended.Outcome, recommended.TicketAction));
        Assert.Equal((RemediationOutcome.Fixed, TicketAction.Resolved, recommended.OpsItemId), (fixedNow.Outcome, fixedNow.TicketAction, fixedNow.OpsItemId));
        Fakes.InMemoryOpsCenter.Item item = Single(world);
        Assert.Equal("Resolved", item.Status);
        Assert.Contains("Fixed (PermissionMissing), added statement", item.Data[OpsItemFields.Resolution].Value, StringComparison.Ordinal);
        Assert.Null((await world.SingleRecordAsync()).Outcome.OpsItemId);
        Assert.Contains($"OpsCenter OpsItem {recommended.OpsItemId} (resolved).", world.Sns.Published[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_APersonResolvedTheOpsItemAndTheFailureIsBack_OpensANewOne()
    {
        EngineWorld world = Recommending();
        EngineOutcome first = Assert.Single((await world.RunAsync(Outage("r1"))).Outcomes);
        world.OpsCenter.Items[first.OpsItemId!].Status = "Resolved";

        EngineOutcome back = Assert.Single((await world.RunAsync(Outage("r2"), "invocation-2")).Outcomes);

        Assert.Equal(TicketAction.Opened, back.TicketAction);
        Assert.NotEqual(first.OpsItemId, back.OpsItemId);
        Assert.Equal(back.OpsItemId, (await world.SingleRecordAsync()).Outcome.OpsItemId);
    }

    [Fact]
    public async Task ProcessAsync_TheLedgerForgotTheOpsItem_UpdatesTheOpenOneOpsCenterNames()
    {
        EngineWorld world = Recommending();
        EngineOutcome first = Assert.Single((await world.RunAsync(Outage("r1"))).Outcomes);
        world.Ledger = new InMemoryLedger(world.Time);

        EngineOutcome again = Assert.Single((await world.RunAsync(Outage("r2"), "invocation-2")).Outcomes);

        Assert.Equal((first.OpsItemId, TicketAction.Updated), (again.OpsItemId, again.TicketAction));
        Assert.Single(world.OpsCenter.Items);
    }

    [Fact]
    public async Task ProcessAsync_ObserveMode_CallsNoOpsCenter()
    {
        var world = new EngineWorld { Settings = new EngineWorld().Settings with { Mode = RemediatorMode.Observe } }.WithPetsApi();

        EngineOutcome outcome = Assert.Single((await world.RunAsync(Crashing())).Outcomes);

        Assert.Equal((RemediationOutcome.Observed, TicketAction.None), (outcome.Outcome, outcome.TicketAction));
        Assert.Empty(world.OpsCenter.Calls);
    }

    [Fact]
    public async Task ProcessAsync_OpsCenterRefuses_StillNotifiesAndSaysWhy()
    {
        var world = new EngineWorld().WithPetsApi();
        world.OpsCenter.Failure = new AwsServiceException("ssm", "CreateOpsItem", "AccessDeniedException", 400, "not authorized", null);

        EngineOutcome outcome = Assert.Single((await world.RunAsync(Crashing())).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, TicketAction.Refused, (string?)null), (outcome.Outcome, outcome.TicketAction, outcome.OpsItemId));
        Assert.Contains("OpsCenter refused CreateOpsItem (AccessDeniedException: not authorized)", outcome.Detail, StringComparison.Ordinal);
        Assert.True(outcome.Notified);
    }

    [Fact]
    public async Task ProcessAsync_OpsCenterThrottles_FailsThePassSoTheRetryOpensOne()
    {
        var world = new EngineWorld().WithPetsApi();
        world.OpsCenter.Failure = new AwsServiceException("ssm", "CreateOpsItem", "ThrottlingException", 429, "slow down", null);

        await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(Crashing()));
        world.OpsCenter.Failure = null;
        EngineOutcome retried = Assert.Single((await world.RunAsync(Crashing())).Outcomes);

        Assert.Single(world.Sns.Published);
        Assert.Equal(TicketAction.Opened, retried.TicketAction);
        Assert.Single(world.OpsCenter.Items);
    }

    [Fact]
    public async Task ProcessAsync_UnresolvedFailure_StaysANotificationWithoutOpsItem()
    {
        // Nothing in the control plane confirms which target failed: the stage has no method for the logged path.
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage);

        EngineOutcome outcome = Assert.Single((await world.RunAsync(Outage())).Outcomes);

        Assert.Equal(RemediationOutcome.Ticket, outcome.Outcome);
        Assert.Equal(TicketAction.None, outcome.TicketAction);
        Assert.Empty(world.OpsCenter.Items);
    }

    [Fact]
    public async Task ProcessAsync_TicketsSns_CallsNoOpsCenter()
    {
        var world = new EngineWorld { Settings = new EngineWorld().Settings with { Tickets = TicketMode.Sns } }.WithPetsApi();

        EngineOutcome outcome = Assert.Single((await world.RunAsync(Crashing())).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, TicketAction.None), (outcome.Outcome, outcome.TicketAction));
        Assert.True(outcome.Notified);
        Assert.Empty(world.OpsCenter.Calls);
    }

    private static Fakes.InMemoryOpsCenter.Item Single(EngineWorld world) => Assert.Single(world.OpsCenter.Items.Values);
}
