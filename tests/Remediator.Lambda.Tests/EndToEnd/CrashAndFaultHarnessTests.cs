using System.Text.Json;
using Remediator.Aws.Tests.Dynalite;
using Remediator.Core.Ports;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Tests.TestSupport;
using Remediator.Sandbox.Faults;

namespace Remediator.Lambda.Tests.EndToEnd;

/// <summary>
/// Exactly once across crashes and lost answers, with the function run as AWS runs it (docs/ARCHITECTURE.md, "Safety
/// rules" 10, 11): for every AWS and ledger call of the fix path, the call is applied and the function killed (or the
/// answer dropped) before the answer reaches it; then long outages and throttles per operation. After Lambda's
/// retries: one statement, one fix notification, the fix in the ledger, the API answering 200 (or, for a fault that
/// outlasts the retries, healed by the next batch of the same failure); never RepeatedFailure, never a success
/// without an outcome.
/// </summary>
[Collection(PublishedFunctionCollection.Name)]
public sealed class CrashAndFaultHarnessTests(PublishedFunction published, DynaliteFixture dynalite)
{
    /// <summary>The calls of the REST fix path the sandbox serves, in order (docs/ARCHITECTURE.md, "Verification").</summary>
    public static TheoryData<string, string> FixPathCalls => new()
    {
        { "apigateway", "GetRestApi" },
        { "apigateway", "GetStage" },
        { "apigateway", "GetExport" },
        { "lambda", "GetPolicy" },
        { "lambda", "ListTags" },
        { "lambda", "AddPermission" },
        { "sns", "Publish" },
    };

    [Theory]
    [MemberData(nameof(FixPathCalls))]
    public async Task AwsCallAppliedThenTheFunctionKilled_TheRetriesHealOnceAndAnnounceOnce(string service, string operation)
    {
        await using CrashWorld world = await CrashWorld.StartAsync(published, dynalite);
        (string apiId, string payload) = await world.World.SeedOutageAsync();
        world.World.Sandbox.Faults.AnswerLost = _ => world.KillFunction();
        world.World.Sandbox.Faults.Add(new FaultRule(service, operation, FaultKind.LoseAnswer));

        IReadOnlyList<CrashWorld.Attempt> attempts = await world.DeliverAsync(payload);

        Assert.True(attempts[0].Died, $"the function should have died after {service}:{operation}");
        Assert.True(attempts[^1].Succeeded, Describe(world, attempts));

        // The one repeat the delivery guarantee admits on a standard topic: SNS accepted the Publish and the process died
        // before its answer (a FIFO topic delivers it once: see the next test).
        await AssertHealedOnceAsync(world, apiId, attempts, messages: operation == "Publish" ? 2 : 1);
    }

    [Fact]
    public async Task SnsPublishAppliedThenTheFunctionKilled_OnAFifoTopicTheRetryIsDeliveredNotAgain()
    {
        await using CrashWorld world = await CrashWorld.StartAsync(published, dynalite, SandboxWorld.FifoTopicName);
        (string apiId, string payload) = await world.World.SeedOutageAsync();
        world.World.Sandbox.Faults.AnswerLost = _ => world.KillFunction();
        world.World.Sandbox.Faults.Add(new FaultRule("sns", "Publish", FaultKind.LoseAnswer));

        IReadOnlyList<CrashWorld.Attempt> attempts = await world.DeliverAsync(payload);

        Assert.True(attempts[0].Died, "the function should have died after sns:Publish");
        Assert.True(attempts[^1].Succeeded, Describe(world, attempts));
        await AssertHealedOnceAsync(world, apiId, attempts, messages: 1);
        Assert.NotNull(Assert.Single(world.World.SnsMessages()).GetProperty("messageDeduplicationId").GetString());
    }

    [Fact]
    public async Task SnsPublishAnswerLost_OnAFifoTopicTheClientSendsItAgainAndItIsDeliveredOnce()
    {
        await using CrashWorld world = await CrashWorld.StartAsync(published, dynalite, SandboxWorld.FifoTopicName);
        (string apiId, string payload) = await world.World.SeedOutageAsync();
        world.World.Sandbox.Faults.Add(new FaultRule("sns", "Publish", FaultKind.LoseAnswer));

        IReadOnlyList<CrashWorld.Attempt> attempts = await world.DeliverAsync(payload);

        CrashWorld.Attempt only = Assert.Single(attempts);
        Assert.True(only.Succeeded, Describe(world, attempts));
        OutcomeSummary outcome = Assert.Single(only.Summary!.Outcomes);
        Assert.Equal("Fixed", outcome.Outcome);
        await AssertHealedOnceAsync(world, apiId, attempts, messages: 1);
    }

    [Theory]
    [InlineData("lambda", "AddPermission")]
    [InlineData("sns", "Publish")]
    public async Task AwsCallAppliedAndItsAnswerLost_TheFirstAttemptHealsOnceAndAnnouncesOnce(string service, string operation)
    {
        await using CrashWorld world = await CrashWorld.StartAsync(published, dynalite);
        (string apiId, string payload) = await world.World.SeedOutageAsync();
        world.World.Sandbox.Faults.Add(new FaultRule(service, operation, FaultKind.LoseAnswer));

        IReadOnlyList<CrashWorld.Attempt> attempts = await world.DeliverAsync(payload);

        CrashWorld.Attempt only = Assert.Single(attempts);
        Assert.True(only.Succeeded, Describe(world, attempts));
        Assert.Equal("Fixed", Assert.Single(only.Summary!.Outcomes).Outcome);
        await AssertHealedOnceAsync(world, apiId, attempts, messages: 1);
    }

    [Fact]
    public async Task EveryLedgerCallAppliedThenTheFunctionKilled_TheRetriesHealOnceAndAnnounceOnce()
    {
        // The ledger calls of one clean fix, in order (claim, caps, intent, notification count, outcome, outbox).
        IReadOnlyList<string> calls;
        await using (CrashWorld clean = await CrashWorld.StartAsync(published, dynalite))
        {
            (string cleanApi, string cleanPayload) = await clean.World.SeedOutageAsync();
            IReadOnlyList<CrashWorld.Attempt> cleanRun = await clean.DeliverAsync(cleanPayload);
            Assert.True(Assert.Single(cleanRun).Succeeded, Describe(clean, cleanRun));
            await AssertHealedOnceAsync(clean, cleanApi, cleanRun, messages: 1);
            calls = clean.Proxy.Calls;
        }

        Assert.Contains("PutItem", calls);
        Assert.True(calls.Count(c => c == "UpdateItem") >= 4, string.Join(", ", calls));
        for (int index = 0; index < calls.Count; index++)
        {
            await using CrashWorld world = await CrashWorld.StartAsync(published, dynalite);
            (string apiId, string payload) = await world.World.SeedOutageAsync();
            world.Proxy.AnswerLost = world.KillFunction;
            world.Proxy.LoseAnswerOf(index);

            IReadOnlyList<CrashWorld.Attempt> attempts = await world.DeliverAsync(payload);

            string point = $"ledger call {index} ({calls[index]}) of [{string.Join(", ", calls)}]";
            Assert.True(attempts[0].Died, $"the function should have died after {point}");
            Assert.True(attempts[^1].Succeeded, $"{point}: {Describe(world, attempts)}");
            await AssertHealedOnceAsync(world, apiId, attempts, messages: 1, point);
        }
    }

    [Theory]
    [InlineData("lambda", "GetPolicy", FaultKind.ServerError)]
    [InlineData("lambda", "AddPermission", FaultKind.Throttle)]
    [InlineData("apigateway", "GetStage", FaultKind.Throttle)]
    public async Task OutageOutlastingTheRetries_NoRepeatedFailureAndTheNextBatchHeals(string service, string operation, FaultKind kind)
    {
        await using CrashWorld world = await CrashWorld.StartAsync(published, dynalite);
        (string apiId, string payload) = await world.World.SeedOutageAsync();
        world.World.Sandbox.Faults.Add(new FaultRule(service, operation, kind, Count: 1000));

        IReadOnlyList<CrashWorld.Attempt> failed = await world.DeliverAsync(payload);

        Assert.Equal(CrashWorld.AsyncAttempts, failed.Count);
        Assert.All(failed, attempt => Assert.True(attempt.Result is { IsError: true }, Describe(world, failed)));
        Assert.Empty(world.World.PolicyStatements(SandboxWorld.FunctionName));
        world.World.Sandbox.Faults.Clear();

        string next = await world.FailAgainAsync(apiId) ?? throw new Xunit.Sdk.XunitException("the API should still fail");
        IReadOnlyList<CrashWorld.Attempt> healed = await world.DeliverAsync(next);

        Assert.True(Assert.Single(healed).Succeeded, Describe(world, healed));
        Assert.Equal("Fixed", Assert.Single(healed[0].Summary!.Outcomes).Outcome);
        await AssertHealedOnceAsync(world, apiId, [.. failed, .. healed], messages: 1);
    }

    [Fact]
    public async Task SnsDownThroughTheRetries_TheFixIsRecordedAndTheNextInvocationSendsItsNotification()
    {
        await using CrashWorld world = await CrashWorld.StartAsync(published, dynalite);
        (string apiId, string payload) = await world.World.SeedOutageAsync();
        world.World.Sandbox.Faults.Add(new FaultRule("sns", "Publish", FaultKind.ServerError, Count: 1000));

        IReadOnlyList<CrashWorld.Attempt> failed = await world.DeliverAsync(payload);

        Assert.Equal(CrashWorld.AsyncAttempts, failed.Count);
        Assert.Equal(200, (await world.World.CallAsync(apiId, "/pets/42")).Status);
        Assert.Empty(world.World.SnsMessages());
        LedgerRecord owing = Assert.Single(await world.RecordsAsync());
        Assert.NotNull(owing.Outcome.OwedNotification);
        world.World.Sandbox.Faults.Clear();

        // The API is healed and sends no more failures: any later event pays the debt, here a repeat of the old one.
        IReadOnlyList<CrashWorld.Attempt> later = await world.DeliverAsync(payload);

        Assert.True(Assert.Single(later).Succeeded, Describe(world, later));
        await AssertHealedOnceAsync(world, apiId, [.. failed, .. later], messages: 1);
    }

    [Theory]
    [InlineData("lambda", "AddPermission")]
    [InlineData("sns", "Publish")]
    public async Task ShortThrottle_TheClientsRetryAndTheFirstAttemptHeals(string service, string operation)
    {
        await using CrashWorld world = await CrashWorld.StartAsync(published, dynalite);
        (string apiId, string payload) = await world.World.SeedOutageAsync();
        world.World.Sandbox.Faults.Add(new FaultRule(service, operation, FaultKind.Throttle, Count: 2));

        IReadOnlyList<CrashWorld.Attempt> attempts = await world.DeliverAsync(payload);

        Assert.True(Assert.Single(attempts).Succeeded, Describe(world, attempts));
        await AssertHealedOnceAsync(world, apiId, attempts, messages: 1);
    }

    private static async Task AssertHealedOnceAsync(CrashWorld world, string apiId, IReadOnlyList<CrashWorld.Attempt> attempts, int messages, string? point = null)
    {
        string where = point ?? string.Empty;
        JsonElement statement = Assert.Single(world.World.PolicyStatements(SandboxWorld.FunctionName));
        string sid = statement.GetProperty("Sid").GetString()!;
        IReadOnlyList<JsonElement> sent = world.World.SnsMessages();
        Assert.True(sent.Count == messages, $"{where}: {sent.Count} notifications, {messages} expected");
        Assert.All(sent, message => Assert.Contains(sid, message.GetProperty("message").GetString(), StringComparison.Ordinal));

        LedgerRecord record = Assert.Single(await world.RecordsAsync());
        Assert.True(record.Outcome.Fix?.StatementId == sid, $"{where}: the ledger records fix {record.Outcome.Fix?.StatementId}, the policy holds {sid}");
        Assert.Null(record.Outcome.Intent);
        Assert.Null(record.Outcome.OwedNotification);

        // Every success has its outcome, and none is a silent one or an escalation caused by a transient fault.
        foreach (CrashWorld.Attempt attempt in attempts.Where(a => a.Succeeded))
        {
            OutcomeSummary outcome = Assert.Single(attempt.Summary!.Outcomes);
            Assert.True(outcome.Outcome is "Fixed" or "AlreadyAllowed", $"{where}: {outcome.Outcome}({outcome.Reason})");
        }

        Assert.Equal(200, (await world.World.CallAsync(apiId, "/pets/42")).Status);
    }

    private static string Describe(CrashWorld world, IReadOnlyList<CrashWorld.Attempt> attempts) =>
        string.Join(" | ", attempts.Select(a => a.Died ? "died" : $"{(a.Result!.IsError ? "error" : "ok")}: {a.Result.BodyText}"))
        + "\n" + string.Join('\n', world.Stdout.TakeLast(30));
}
