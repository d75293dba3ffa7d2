using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Ledger;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Fakes;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>The write: settle, the RevisionId condition and re-checks, races, conflicts, size limit, failures and concurrency.</summary>
public class RemediationEngineWriteTests
{
    private const string Id = "2b3c4d5e-1111-4222-8333-444455556666";

    private static readonly string[] Failure = RestFailure(Id, "GET", "/pets/42", Pets);

    private static string OtherStatement(int i) => LambdaStatementWriter.WriteStatement(
        $"other-{i}", "s3.amazonaws.com", "lambda:InvokeFunction", Pets, $"arn:aws:s3:::bucket-{i}", Account);

    [Fact]
    public async Task ProcessAsync_PolicyChangedBeforeWrite_RereadsOn412AndFixes()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddStatement(Pets, null, OtherStatement(100));
        int changes = 0;
        world.Lambda.BeforeAddPermission = _ =>
        {
            if (changes++ == 0)
            {
                world.Lambda.AddStatement(Pets, null, OtherStatement(1));
            }
        };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal(RemediationOutcome.Fixed, outcome.Outcome);
        Assert.Equal(2, world.Lambda.Count("AddPermission"));
        Assert.Equal(3, world.Lambda.Statements(Pets).Count);
        Assert.Contains(outcome.Verified, line => line.Contains("(412)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_PolicyKeepsChanging_FailsTheInvocationAndRecordsTheFailure()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddStatement(Pets, null, OtherStatement(100));
        int i = 0;
        world.Lambda.BeforeAddPermission = _ => world.Lambda.AddStatement(Pets, null, OtherStatement(i++));

        AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(Failure)));

        Assert.True(error.Is(AwsErrorCodes.PreconditionFailed));
        Assert.Equal(world.Options.MaxWriteAttempts, world.Lambda.Count("AddPermission"));
        LedgerRecord record = await world.SingleRecordAsync();
        // The policy kept changing: Remediator's write failed (one failure), and it added nothing (no attempt counted).
        Assert.Equal((RemediationState.Failed, 1, 0), (record.Outcome.State, record.Outcome.ConsecutiveFailures, record.Outcome.Attempts));
        Assert.True(record.Lease is null || record.Lease.ExpiresAt <= world.Time.GetUtcNow());
        Assert.Empty(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_AddPermissionAppliedAndItsAnswerLost_The409OfTheRetryIsOurFixAndIsAnnounced()
    {
        // The HTTP layer's retry of an AddPermission Lambda applied but whose answer was lost meets 409: under the
        // lease, after the intent, that statement is this pass's own.
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.BeforeAddPermission = request =>
        {
            world.Lambda.BeforeAddPermission = null;
            string resource = request.Qualifier is null ? request.FunctionName : $"{request.FunctionName}:{request.Qualifier}";
            world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(
                request.StatementId, request.Principal, request.Action, resource, request.SourceArn, request.SourceAccount));
        };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Fixed, OutcomeReason.PermissionMissing), (outcome.Outcome, outcome.Reason));
        Assert.Single(world.Lambda.Statements(Pets));
        Assert.Single(world.Sns.Published);
        LedgerRecord record = await world.SingleRecordAsync();
        Assert.Equal((RemediationState.Fixed, outcome.StatementId, 1), (record.Outcome.State, record.Outcome.Fix?.StatementId, record.Outcome.Attempts));
        Assert.Null(record.Outcome.Intent);
    }

    [Fact]
    public async Task ProcessAsync_AnotherStatementAllowsAfterA412_IsAlreadyAllowedNotOurs()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddStatement(Pets, null, OtherStatement(100));
        world.Lambda.BeforeAddPermission = _ =>
        {
            world.Lambda.BeforeAddPermission = null;
            world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(
                "console", "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, $"arn:aws:execute-api:us-east-1:{Account}:{RestApiId}/*/GET/pets/*", null));
        };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.AlreadyAllowed, OutcomeReason.AddedConcurrently), (outcome.Outcome, outcome.Reason));
        Assert.Empty(world.Sns.Published);
        Assert.Null((await world.SingleRecordAsync()).Outcome.Intent);
    }

    [Fact]
    public async Task ProcessAsync_PolicyNear20KB_TicketsPolicyTooLargeAndLeavesStatementsAlone()
    {
        var world = new EngineWorld().WithPetsApi();
        for (int i = 0; LambdaStatementWriter.WritePolicy(world.Lambda.Statements(Pets)).Length < InMemoryLambda.MaxPolicyBytes - 200; i++)
        {
            world.Lambda.AddStatement(Pets, null, OtherStatement(i));
        }

        IReadOnlyList<string> before = world.Lambda.Statements(Pets);
        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.PolicyTooLarge), (outcome.Outcome, outcome.Reason));
        Assert.Equal(before, world.Lambda.Statements(Pets));
        Assert.Equal(0, world.Lambda.Count("RemovePermission"));
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_PermissionAddedDuringSettle_RechecksAndDoesNotWrite()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { SettleDelay = TimeSpan.FromSeconds(5) };
        world.Time.OnDelay = _ => world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(
            "console", "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, $"arn:aws:execute-api:us-east-1:{Account}:{RestApiId}/*/GET/pets/*", null));

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal(RemediationOutcome.AlreadyAllowed, outcome.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(5)], world.Time.Delays);
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        Assert.Equal(2, world.Lambda.Count("GetPolicy"));
    }

    [Fact]
    public async Task ProcessAsync_PermissionAddedDuringSettleToAPolicyThatExisted_The412TellsAndNothingIsAdded()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddStatement(Pets, null, OtherStatement(100));
        world.Settings = world.Settings with { SettleDelay = TimeSpan.FromSeconds(5) };
        world.Time.OnDelay = _ => world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(
            "console", "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, $"arn:aws:execute-api:us-east-1:{Account}:{RestApiId}/*/GET/pets/*", null));

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.AlreadyAllowed, OutcomeReason.AddedConcurrently), (outcome.Outcome, outcome.Reason));
        Assert.Equal(2, world.Lambda.Statements(Pets).Count);
        Assert.Equal(["GetPolicy", "ListTags", "AddPermission", "GetPolicy"], world.Lambda.Calls);
        Assert.Contains(outcome.Verified, line => line.Contains("(412)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_SettleOnAPolicyThatExisted_WritesOnTheRevisionJudgedWithoutReadingAgain()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddStatement(Pets, null, OtherStatement(100));
        world.Settings = world.Settings with { SettleDelay = TimeSpan.FromSeconds(5) };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal(RemediationOutcome.Fixed, outcome.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(5)], world.Time.Delays);
        Assert.Equal(["GetPolicy", "ListTags", "AddPermission"], world.Lambda.Calls);
    }

    [Fact]
    public async Task ProcessAsync_LeaseTakenOverWhileThePassStalled_LeavesTheWriteToTheNewHolder()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { SettleDelay = TimeSpan.FromSeconds(5) };
        bool takenOver = false;
        world.Time.OnDelay = _ =>
        {
            // The pass stalls past its lease, and another invocation claims the root cause meanwhile.
            world.Time.Advance(world.Options.LeaseDuration);
            string key = world.SingleRecordAsync().GetAwaiter().GetResult().Key;
            takenOver = world.Ledger.ClaimAsync(new ClaimRequest(key, "invocation-2", TimeSpan.FromMinutes(2)), CancellationToken.None)
                .GetAwaiter().GetResult().Claimed;
        };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.True(takenOver);
        Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.ClaimedElsewhere), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        Assert.Empty(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_LeaseRanOutWhileThePassStalled_RecordsTheFixItMakes()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { SettleDelay = TimeSpan.FromSeconds(5) };
        world.Time.OnDelay = _ => world.Time.Advance(world.Options.LeaseDuration);

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal(RemediationOutcome.Fixed, outcome.Outcome);
        LedgerRecord record = (await world.Ledger.GetAsync(outcome.LedgerKey!, CancellationToken.None))!;
        Assert.Equal(RemediationState.Fixed, record.Outcome.State);
        Assert.Equal(outcome.StatementId, record.Outcome.Fix?.StatementId);
    }

    [Fact]
    public async Task ProcessAsync_SeveralFixes_SettleOnceForTheBatch()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Rest.AddMethod(RestApiId, "/owners", "GET", Proxy(Pets));
        world.Settings = world.Settings with { SettleDelay = TimeSpan.FromSeconds(5) };

        EngineResult result = await world.RunAsync(RestBatch([.. Failure, .. RestFailure("o1", "GET", "/owners", Pets)]));

        Assert.All(result.Outcomes, o => Assert.Equal(RemediationOutcome.Fixed, o.Outcome));
        Assert.Single(world.Time.Delays);
    }

    [Fact]
    public async Task ProcessAsync_NotificationFailsAfterFix_RetryNotifiesTheFixWithoutWritingAgain()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Sns.FailNext();

        await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(Failure), "lambda-request-1"));
        EngineOutcome retried = Assert.Single((await world.RunAsync(RestBatch(Failure), "lambda-request-1")).Outcomes);

        Assert.Equal(RemediationOutcome.Fixed, retried.Outcome);
        Assert.True(retried.Notified);
        Assert.Equal(1, world.Lambda.Count("AddPermission"));
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_NotificationFailsAfterASweepFix_RetryStillNotifiesTheFix()
    {
        var world = new EngineWorld().WithPetsApi();
        string other = Function("other");
        world.Lambda.AddFunction(other);
        world.Rest.AddMethod(RestApiId, "/other", "POST", Proxy(other));
        await world.RunAsync(RestBatch(RestFailure("first", "POST", "/other", other)), "invocation-0");
        int notifiedBefore = world.Sns.Published.Count;
        world.Sns.FailNext();

        await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(ErrorOnly(Id)), "lambda-request-1"));
        EngineOutcome retried = Assert.Single((await world.RunAsync(RestBatch(ErrorOnly(Id)), "lambda-request-1")).Outcomes);

        Assert.Equal(RemediationOutcome.Fixed, retried.Outcome);
        Assert.True(retried.Notified);
        Assert.Equal(2, world.Lambda.Count("AddPermission"));
        Assert.Equal(notifiedBefore + 1, world.Sns.Published.Count);
    }

    [Fact]
    public async Task ProcessAsync_TransientWriteFailure_PropagatesAndReleasesEveryClaimForTheRetry()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Rest.AddMethod(RestApiId, "/owners", "GET", Proxy(Pets));
        world.Settings = world.Settings with { SettleDelay = TimeSpan.FromSeconds(1) };
        world.Lambda.BeforeAddPermission = _ =>
        {
            world.Lambda.BeforeAddPermission = null;
            throw InMemoryLambda.Error("AddPermission", "ServiceException", 503, "unavailable");
        };
        string[] lines = [.. Failure, .. RestFailure("o1", "GET", "/owners", Pets)];

        await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(lines)));
        EngineResult retry = await world.RunAsync(RestBatch(lines), "another-invocation");

        Assert.All(retry.Outcomes, o => Assert.Equal(RemediationOutcome.Fixed, o.Outcome));
        Assert.Equal(2, world.Sns.Published.Count);
    }

    [Fact]
    public async Task ProcessAsync_EightConcurrentEngines_AddOneStatementAndPublishOneNotification()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { SettleDelay = TimeSpan.FromSeconds(1) };
        var ledger = new InMemoryLedger(world.Time);
        world.Ledger = ledger;

        // The waiters poll on the stepping clock, which each poll moves on: small steps keep the holder's lease live.
        world.Options = world.Options with { ClaimPoll = TimeSpan.FromMilliseconds(1), ClaimWait = TimeSpan.FromMinutes(1) };

        EngineResult[] results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => world.RunAsync(RestBatch(Failure), $"invocation-{i}"))));

        Assert.Single(world.Lambda.Statements(Pets));
        Assert.Single(world.Sns.Published);
        EngineOutcome[] outcomes = results.SelectMany(r => r.Outcomes).ToArray();
        Assert.Single(outcomes, o => o.Outcome == RemediationOutcome.Fixed);
        Assert.All(outcomes.Where(o => o.Outcome != RemediationOutcome.Fixed), o => Assert.Contains(o.Outcome, new[] { RemediationOutcome.Ignored, RemediationOutcome.AlreadyAllowed }));
    }
}
