using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Fakes;
using Xunit.Abstractions;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>
/// A resolved failure's root cause is its verified target, not the logged path: every concrete path of
/// <c>GET /pets/{id}</c> is one ledger record, across batches (notifications, escalation) and in cost.
/// </summary>
public class RemediationEngineRootCauseTests(ITestOutputHelper output)
{
    private static readonly string Role = $"arn:aws:iam::{Account}:role/apigw-invoke";

    private static EngineWorld RoleBasedWorld()
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/pets/{id}", "GET", Proxy(Pets, Role));
        return world;
    }

    private static string[] Paths(int count, int first = 1) =>
        [.. Enumerable.Range(first, count).SelectMany(i => RestFailure($"req-{i}", "GET", $"/pets/{i}", Pets))];

    [Fact]
    public async Task ProcessAsync_RoleBasedTicketForOnePathThenAnotherInALaterBatch_NotifiesOnce()
    {
        EngineWorld world = RoleBasedWorld();

        EngineOutcome first = Assert.Single((await world.RunAsync(RestBatch(RestFailure("r1", "GET", "/pets/1", Pets)))).Outcomes);
        EngineOutcome second = Assert.Single((await world.RunAsync(RestBatch(RestFailure("r2", "GET", "/pets/2", Pets)), "invocation-2")).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration), (second.Outcome, second.Reason));
        Assert.True(first.Notified);
        Assert.False(second.Notified);
        SnsMessage message = Assert.Single(world.Sns.Published);
        Assert.Equal(first.LedgerKey, second.LedgerKey);
        Assert.Contains($"Root cause {first.LedgerKey}.", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_RoleBasedTicketOnAnotherPathAfterTheInterval_NotifiesAgain()
    {
        EngineWorld world = RoleBasedWorld();
        await world.RunAsync(RestBatch(RestFailure("r1", "GET", "/pets/1", Pets)));
        world.Time.Advance(world.Options.NotificationInterval);

        EngineOutcome later = Assert.Single((await world.RunAsync(RestBatch(RestFailure("r2", "GET", "/pets/2", Pets)), "invocation-2")).Outcomes);

        Assert.True(later.Notified);
        Assert.Equal(2, world.Sns.Published.Count);
    }

    [Fact]
    public async Task ProcessAsync_RecommendationForOnePathThenAnother_NotifiesOnce()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { Mode = RemediatorMode.Recommend };

        await world.RunAsync(RestBatch(RestFailure("r1", "GET", "/pets/1", Pets)));
        EngineOutcome second = Assert.Single((await world.RunAsync(RestBatch(RestFailure("r2", "GET", "/pets/2", Pets)), "invocation-2")).Outcomes);

        Assert.Equal(RemediationOutcome.Recommended, second.Outcome);
        Assert.False(second.Notified);
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_ThousandDistinctPathsOfOneMethod_CostTheSameCallsAsOnePath()
    {
        IReadOnlyDictionary<string, int> one = await CallsForPathsAsync(1);
        IReadOnlyDictionary<string, int> thousand = await CallsForPathsAsync(1_000);

        output.WriteLine("1 path:     " + Describe(one));
        output.WriteLine("1000 paths: " + Describe(thousand));
        Assert.Equal(one, thousand);
        Assert.Equal(1, thousand["ledger:Claim"]);
        Assert.Equal(1, thousand["lambda:GetPolicy"]);
    }

    [Fact]
    public async Task ProcessAsync_ThousandDistinctPathsOfOneMethod_ShareTheFixAndItsOneNotification()
    {
        var world = new EngineWorld().WithPetsApi();

        EngineResult result = await world.RunAsync(RestBatch(Paths(1_000)));

        Assert.Equal(1_000, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Fixed, OutcomeReason.PermissionMissing), (o.Outcome, o.Reason)));
        Assert.Single(result.Outcomes, o => o.Notified);
        Assert.Single(result.Outcomes.Select(o => o.LedgerKey).Distinct());
        Assert.Equal(1_000, result.Outcomes.Select(o => o.RequestSourceArn).Distinct().Count());
        Assert.Single(world.Lambda.Statements(Pets));
        Assert.Equal(1_000, (await world.SingleRecordAsync()).Occurrences);
    }

    [Fact]
    public async Task ProcessAsync_PermissionRemovedAgainUnderAnotherPathEachTime_EscalatesOnTheTarget()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { MaxAttempts = 2 };
        for (int i = 1; i <= 2; i++)
        {
            EngineOutcome fix = Assert.Single((await world.RunAsync(RestBatch(RestFailure($"r{i}", "GET", $"/pets/{i}", Pets)), $"i{i}")).Outcomes);
            Assert.Equal(RemediationOutcome.Fixed, fix.Outcome);
            await world.Lambda.RemovePermissionAsync(Pets, fix.StatementId!, null, null, CancellationToken.None);
        }

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(RestFailure("r3", "GET", "/pets/3", Pets)), "i3")).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RepeatedFailure), (outcome.Outcome, outcome.Reason));
        Assert.Equal(2, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_AuthorizerPermissionRemovedAgainUnderAnotherMethodEachTime_EscalatesOnTheAuthorizer()
    {
        // The grant is {api}/authorizers/{id} whichever method's request the authorizer refused: one statement,
        // one root cause, so the methods that share the authorizer cannot reset the count of re-adds.
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { MaxAttempts = 2 };
        string authorizer = Function("token-authorizer");
        world.Lambda.AddFunction(authorizer);
        world.Rest.AddAuthorizer(RestApiId, "4hugyv", InvokeUri(authorizer));
        foreach (string path in (string[])["/a", "/b", "/c"])
        {
            world.Rest.AddMethod(RestApiId, path, "GET", Proxy(Pets), authorizerId: "4hugyv");
        }

        for (int i = 1; i <= 2; i++)
        {
            string path = i == 1 ? "/a" : "/b";
            EngineOutcome fix = Assert.Single((await world.RunAsync(RestBatch(RestFailure($"r{i}", "GET", path, authorizer, authorizer: true)), $"i{i}")).Outcomes);
            Assert.Equal(RemediationOutcome.Fixed, fix.Outcome);
            await world.Lambda.RemovePermissionAsync(authorizer, fix.StatementId!, null, null, CancellationToken.None);
        }

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(RestFailure("r3", "GET", "/c", authorizer, authorizer: true)), "i3")).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RepeatedFailure), (outcome.Outcome, outcome.Reason));
        Assert.Equal(2, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_WriteRefusalsUnderDifferentPaths_EscalateOnTheTarget()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { MaxAttempts = 2 };
        world.Lambda.BeforeAddPermission = _ => throw InMemoryLambda.Error("AddPermission", "InvalidParameterValueException", 400, "refused");
        await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(RestFailure("r1", "GET", "/pets/1", Pets)), "i1"));
        await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(RestFailure("r2", "GET", "/pets/2", Pets)), "i2"));
        int lambdaCallsBefore = world.Lambda.Calls.Count;

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(RestFailure("r3", "GET", "/pets/3", Pets)), "i3")).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RepeatedFailure), (outcome.Outcome, outcome.Reason));
        // Only the notification's owner lookup tries the tags again.
        Assert.Equal(["ListTags"], world.Lambda.Calls.Skip(lambdaCallsBefore));
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_PolicyAllowsOnlyOnePathOfTheMethod_FixesTheMethodForTheOthers()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(
            "one-path", "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/prod/GET/pets/1", null));

        EngineResult result = await world.RunAsync(RestBatch(Paths(2)));

        Assert.All(result.Outcomes, o => Assert.Equal(RemediationOutcome.Fixed, o.Outcome));
        Assert.Equal(1, world.Lambda.Count("AddPermission"));
        Assert.Equal($"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/prod/GET/pets/*", result.Outcomes[0].SourceArn);
    }

    [Fact]
    public async Task ProcessAsync_OnePathsLogNamesAnotherFunction_TicketsTheWholeTargetAsMismatch()
    {
        // One concrete path's endpoint URI contradicts the control plane: the target is not granted for any path.
        var world = new EngineWorld().WithPetsApi();
        string other = Function("other");

        EngineResult result = await world.RunAsync(RestBatch([.. RestFailure("r1", "GET", "/pets/1", Pets), .. RestFailure("r2", "GET", "/pets/2", other)]));

        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.LogControlPlaneMismatch), (o.Outcome, o.Reason)));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_UnresolvablePath_KeepsTheDiagnosisFingerprint()
    {
        var world = new EngineWorld().WithPetsApi();

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(RestFailure("r1", "POST", "/owners", Pets)))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Unresolvable), (outcome.Outcome, outcome.Reason));
        Assert.Equal(outcome.Finding!.Fingerprint, outcome.LedgerKey);
        Assert.Equal(outcome.LedgerKey, (await world.SingleRecordAsync()).Key);
    }

    [Fact]
    public async Task ProcessAsync_MoreRootCausesThanTheCap_IgnoresTheRestWithoutClaimsOrPolicyReads()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Rest.AddMethod(RestApiId, "/owners", "GET", Proxy(Pets)).AddMethod(RestApiId, "/vets", "GET", Proxy(Pets));
        world.Options = world.Options with { MaxRootCausesPerInvocation = 2 };
        RecordingLedger ledger = world.RecordLedger();

        EngineResult result = await world.RunAsync(RestBatch(
            [.. RestFailure("r1", "GET", "/pets/1", Pets), .. RestFailure("r2", "GET", "/owners", Pets), .. RestFailure("r3", "GET", "/vets", Pets), .. RestFailure("r4", "GET", "/pets/4", Pets)]));

        Assert.Equal(
            [OutcomeReason.PermissionMissing, OutcomeReason.PermissionMissing, OutcomeReason.RootCauseCapReached, OutcomeReason.PermissionMissing],
            result.Outcomes.Select(o => o.Reason));
        Assert.Equal(RemediationOutcome.Ignored, result.Outcomes[2].Outcome);
        Assert.Equal(2, ledger.Count("Claim"));
        Assert.Equal(2, world.Lambda.Count("GetPolicy"));
        Assert.Equal(2, world.Sns.Published.Count);
    }

    [Fact]
    public async Task ProcessAsync_PerPathTicketsAheadOfAPermissionFailure_TheCapKeepsTheResolvedTarget()
    {
        // Function errors on random paths no resource serves are one root cause each (no target is resolved for
        // them); they must not crowd out the permission failure that a resolved target stands for.
        var world = new EngineWorld().WithPetsApi();
        world.Options = world.Options with { MaxRootCausesPerInvocation = 3 };
        string[] errors = [.. Enumerable.Range(1, 5).SelectMany(i => new[]
        {
            $"(e{i}) HTTP Method: GET, Resource Path: /owners/x{i}",
            $"(e{i}) Lambda execution failed with status 200 due to customer function error: invalid id",
        })];

        EngineResult result = await world.RunAsync(RestBatch([.. errors, .. RestFailure("r1", "GET", "/pets/1", Pets)]));

        Assert.Equal(RemediationOutcome.Fixed, result.Outcomes[^1].Outcome);
        Assert.Equal(2, result.Outcomes.Count(o => o.Reason == OutcomeReason.FunctionError));
        Assert.Equal(3, result.Outcomes.Count(o => o.Reason == OutcomeReason.RootCauseCapReached));
    }

    [Fact]
    public async Task ProcessAsync_ResolvedTicketsAheadOfAPermissionFailure_TheCapKeepsThePermissionFailure()
    {
        // Five broken functions behind five resolved methods are five resolved root causes; a ticket is all they
        // can get, so they must not take the cap's places ahead of the failure a grant fixes, batch after batch.
        var world = new EngineWorld().WithPetsApi();
        world.Options = world.Options with { MaxRootCausesPerInvocation = 3 };
        var errors = new List<string>();
        for (int i = 1; i <= 5; i++)
        {
            string broken = Function($"broken-{i}");
            world.Rest.AddMethod(RestApiId, $"/broken{i}", "GET", Proxy(broken));
            errors.AddRange(RestFunctionFailure($"e{i}", "GET", $"/broken{i}", broken, "Lambda execution failed with status 200 due to customer function error: boom"));
        }

        EngineResult result = await world.RunAsync(RestBatch([.. errors, .. RestFailure("r1", "GET", "/pets/1", Pets)]));

        Assert.Equal((RemediationOutcome.Fixed, OutcomeReason.PermissionMissing), (result.Outcomes[^1].Outcome, result.Outcomes[^1].Reason));
        Assert.Equal(2, result.Outcomes.Count(o => o.Reason == OutcomeReason.FunctionError));
        Assert.Equal(3, result.Outcomes.Count(o => o.Reason == OutcomeReason.RootCauseCapReached));
    }

    [Fact]
    public void Constructor_RootCauseCapBelowOne_Throws()
    {
        var world = new EngineWorld { Options = new EngineOptions { AccountId = Account, Region = Region, MaxRootCausesPerInvocation = 0 } };

        Assert.Throws<ArgumentOutOfRangeException>(() => world.Engine());
    }

    private static async Task<IReadOnlyDictionary<string, int>> CallsForPathsAsync(int paths)
    {
        var world = new EngineWorld().WithPetsApi();
        world.RecordLedger();
        EngineResult result = await world.RunAsync(RestBatch(Paths(paths)));
        Assert.Equal(paths, result.Outcomes.Count);
        return world.CallCounts();
    }

    private static string Describe(IReadOnlyDictionary<string, int> calls) =>
        string.Join(", ", calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
}
