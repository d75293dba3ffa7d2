using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Ownership;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Fakes;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>The ownership proof and the log-source check in front of every grant (docs/ARCHITECTURE.md, "Safety rules" 14, 4).</summary>
public class RemediationEngineOwnershipTests
{
    private const string Id = "1a2b3c4d-1111-4222-8333-444455556666";
    private const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/pets/0e1f2a3b";
    private static readonly string[] Failure = RestFailure(Id, "GET", "/pets/42", Pets);

    [Fact]
    public async Task ProcessAsync_FunctionWithoutProof_RecommendsWithTheOptInAndWritesNothing()
    {
        // An API editor points a stage variable at a function whose owner never opted in.
        EngineWorld world = Untagged();

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Recommended, OutcomeReason.OwnershipUnproven), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        Assert.Contains($"aws lambda tag-resource --resource {Pets}", outcome.Detail, StringComparison.Ordinal);
        Assert.NotNull(outcome.AddPermissionCommand);
        SnsMessage message = Assert.Single(world.Sns.Published);
        Assert.Contains("remediator:managed", message.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true")]
    [InlineData(RestApiId)]
    [InlineData("zz11yy22xx " + RestApiId)]
    public async Task ProcessAsync_ManagedTagNamingThisApi_Fixes(string value)
    {
        EngineWorld world = Untagged();
        world.Lambda.Tag(Pets, OwnershipProof.ManagedTag, value);

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Fixed, OutcomeReason.PermissionMissing), (outcome.Outcome, outcome.Reason));
        Assert.Equal(1, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_ManagedTagNamingOtherApis_DoesNotGrant()
    {
        EngineWorld world = Untagged();
        world.Lambda.Tag(Pets, OwnershipProof.ManagedTag, "zz11yy22xx a1b2c3d4e6");

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal(OutcomeReason.OwnershipUnproven, outcome.Reason);
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Theory]
    [InlineData(StackId, true)]
    [InlineData(StackId + "-other", false)]
    public async Task ProcessAsync_StackProof_FixesOnlyWhenBothCarryTheSameStack(string apiStack, bool fixes)
    {
        EngineWorld world = Untagged();
        world.Lambda.Tag(Pets, OwnershipProof.StackIdTag, StackId);
        world.Rest.TagApi(RestApiId, new Dictionary<string, string> { [OwnershipProof.StackIdTag] = apiStack });

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal(fixes ? OutcomeReason.PermissionMissing : OutcomeReason.OwnershipUnproven, outcome.Reason);
        Assert.Equal(fixes ? 1 : 0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_OwnershipNone_TrustsEveryApiEditor()
    {
        EngineWorld world = Untagged();
        world.Settings = world.Settings with { Ownership = OwnershipProofs.None };

        Assert.Equal(RemediationOutcome.Fixed, Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes).Outcome);
    }

    [Fact]
    public async Task ProcessAsync_OnlyTheStackProofAccepted_TagDoesNotProve()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { Ownership = OwnershipProofs.Stack };

        Assert.Equal(OutcomeReason.OwnershipUnproven, Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes).Reason);
    }

    [Fact]
    public async Task ProcessAsync_OwnFunction_IsNeverGranted()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Options = world.Options with { OwnFunction = Pets };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Exempted), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_AddPermissionDenied_TicketsWriteDeniedAtOnce()
    {
        // An SCP or a Control Tower control forbids the write: no retry cures it.
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.BeforeAddPermission = _ => throw new AwsServiceException("lambda", "AddPermission", AwsErrorCodes.AccessDenied, 403, "explicit deny in a service control policy", "req-1");

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.WriteDenied), (outcome.Outcome, outcome.Reason));
        LedgerRecord record = await world.SingleRecordAsync();
        Assert.Equal(0, record.Outcome.ConsecutiveFailures);
        Assert.Single(world.Sns.Published);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("OFF")]
    public async Task ProcessAsync_ExecutionLinesOfAStageThatDoesNotLog_AreIgnoredAsForged(string? level)
    {
        var world = new EngineWorld().WithPetsApi();
        world.Rest.SetLogging(RestApiId, Stage, StageLogging.None with { LoggingLevel = level });

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.LogSourceMismatch), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        Assert.Empty(world.Sns.Published);
        Assert.Empty(await world.Ledger.ListAsync(CancellationToken.None).ToListAsync());
    }

    [Theory]
    [InlineData("ERROR")]
    [InlineData("INFO")]
    public async Task ProcessAsync_ExecutionLinesOfAStageThatLogs_Count(string level)
    {
        var world = new EngineWorld().WithPetsApi();
        world.Rest.SetLogging(RestApiId, Stage, StageLogging.None with { LoggingLevel = level });

        Assert.Equal(RemediationOutcome.Fixed, Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes).Outcome);
    }

    [Fact]
    public async Task ProcessAsync_AccessLineFromAGroupThatIsNotTheStagesDestination_IsIgnoredAsForged()
    {
        // One forged JSON access-log line written to an unrelated log group.
        var world = new EngineWorld();
        string items = Function("items");
        world.Lambda.AddFunction(items);
        world.V2.AddApi(HttpApiId).AddStage(HttpApiId, "$default").AddRoute(HttpApiId, "GET /items", items);

        EngineResult result = await world.RunAsync(Batch("/ecs/payments", [HttpAccessLine("Xa1y6iLQpBNFcAx=", "GET /items", "GET", "/items")]));

        EngineOutcome outcome = Assert.Single(result.Outcomes);
        Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.LogSourceMismatch), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        Assert.Empty(world.Sns.Published);
    }

    private static EngineWorld Untagged()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.Untag(Pets, OwnershipProof.ManagedTag);
        return world;
    }
}
