using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>
/// Exactly once across crashes and lost answers (docs/ARCHITECTURE.md, "Safety rules" 10, 11): the intent before
/// AddPermission, owed notifications, Publish at most once, and a root cause another invocation holds.
/// </summary>
public class RemediationEngineExactlyOnceTests
{
    private static readonly string[] Failure = RestFailure("3c4d5e6f-1111-4222-8333-444455556666", "GET", "/pets/42", Pets);

    [Fact]
    public async Task ProcessAsync_AddPermissionAppliedAndItsAnswerLost_TheRetryRecordsAndAnnouncesTheFixOnce()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AfterAddPermission = _ =>
        {
            world.Lambda.AfterAddPermission = null;
            throw new IOException("connection reset before the answer");
        };

        await Assert.ThrowsAsync<IOException>(() => world.RunAsync(RestBatch(Failure), "event-1"));
        LedgerRecord failed = await world.SingleRecordAsync();
        Assert.NotNull(failed.Outcome.Intent);
        Assert.Equal(0, failed.Outcome.ConsecutiveFailures);

        EngineOutcome retried = Assert.Single((await world.RunAsync(RestBatch(Failure), "event-1")).Outcomes);

        Assert.Equal((RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, true), (retried.Outcome, retried.Reason, retried.Notified));
        Assert.Single(world.Lambda.Statements(Pets));
        Assert.Single(world.Sns.Published);
        LedgerRecord record = await world.SingleRecordAsync();
        Assert.Equal((RemediationState.Fixed, retried.StatementId, 1, "AddPermission"), (record.Outcome.State, record.Outcome.Fix?.StatementId, record.Outcome.Attempts, record.Outcome.LastAction));
        Assert.Null(record.Outcome.Intent);
        Assert.Equal(1, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_PassDiedBetweenAddPermissionAndItsRecord_ALaterInvocationRecordsAndAnnouncesIt()
    {
        // What a killed pass leaves: its lease (now expired), its intent, and the statement Lambda applied.
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AfterAddPermission = _ => throw new OperationCanceledException("the process died here");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.RunAsync(RestBatch(Failure), "killed"));
        world.Lambda.AfterAddPermission = null;
        LedgerRecord left = await world.SingleRecordAsync();
        await world.Ledger.TryCompleteAsync(
            (await world.Ledger.ClaimAsync(new ClaimRequest(left.Key, "killed", TimeSpan.FromMinutes(2), 0), CancellationToken.None)).Lease!,
            left.Outcome with { State = RemediationState.Pending },
            CancellationToken.None);
        Assert.NotNull((await world.SingleRecordAsync()).Outcome.Intent);

        EngineOutcome later = Assert.Single((await world.RunAsync(RestBatch(Failure), "next-batch")).Outcomes);

        Assert.Equal((RemediationOutcome.Fixed, true), (later.Outcome, later.Notified));
        Assert.Single(world.Sns.Published);
        Assert.Equal(later.StatementId, (await world.SingleRecordAsync()).Outcome.Fix?.StatementId);
    }

    [Fact]
    public async Task ProcessAsync_PassDiedAfterSnsTookItsPublish_TheRetrySendsTheSameDeduplicationIdAndGroup()
    {
        // A FIFO topic delivers the retry's message once because both carry the same deduplication id.
        var world = new EngineWorld().WithPetsApi();
        world.Sns.AfterPublish = _ => throw new OperationCanceledException("the process died here");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.RunAsync(RestBatch(Failure), "event-1"));
        world.Sns.AfterPublish = null;

        EngineOutcome retried = Assert.Single((await world.RunAsync(RestBatch(Failure), "event-1")).Outcomes);

        Assert.Equal((RemediationOutcome.Fixed, true), (retried.Outcome, retried.Notified));
        Assert.Equal(2, world.Sns.Published.Count);
        SnsMessage first = world.Sns.Published[0], second = world.Sns.Published[1];
        Assert.NotNull(first.DeduplicationId);
        Assert.Equal((first.DeduplicationId, first.GroupId), (second.DeduplicationId, second.GroupId));
    }

    [Fact]
    public async Task ProcessAsync_SnsDownThroughEveryRetry_TheNextInvocationSendsWhatIsOwedEvenWithNothingToFix()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Sns.FailNext(3);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(Failure), "event-1"));
        }

        LedgerRecord owing = await world.SingleRecordAsync();
        Assert.NotNull(owing.Outcome.OwedNotification);
        Assert.Equal((RemediationState.Fixed, 1), (owing.Outcome.State, owing.Outcome.Attempts));
        Assert.Empty(world.Sns.Published);

        // The API is healed: the next invocation is about something else entirely.
        EngineResult unrelated = await world.RunAsync(RestBatch("(9f9f9f9f-1111-4222-8333-444455556666) Method completed with status: 200"), "other-event");

        Assert.Empty(unrelated.Outcomes);
        SnsMessage sent = Assert.Single(world.Sns.Published);
        Assert.Equal(owing.Outcome.OwedNotification!.Message, sent.Message);
        Assert.Equal(owing.Outcome.OwedNotification.DeduplicationId, sent.DeduplicationId);
        Assert.NotNull(sent.DeduplicationId);
        LedgerRecord paid = await world.SingleRecordAsync();
        Assert.Null(paid.Outcome.OwedNotification);
        Assert.Equal(("AddPermission", 1), (paid.Outcome.LastAction, paid.Outcome.Attempts));
        Assert.Empty(await world.Ledger.ListOwedAsync(10, CancellationToken.None));

        await world.RunAsync(RestBatch("(9f9f9f9f-1111-4222-8333-444455556667) Method completed with status: 200"), "third-event");
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_PublishSentAndItsAnswerLost_CountsAsSentAndIsNeverRepeated()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Sns.LoseNextAnswer();

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure), "event-1")).Outcomes);
        await world.RunAsync(RestBatch(Failure), "event-2");

        Assert.Equal((RemediationOutcome.Fixed, true), (outcome.Outcome, outcome.Notified));
        Assert.Single(world.Sns.Published);
        LedgerRecord record = await world.SingleRecordAsync();
        Assert.Null(record.Outcome.OwedNotification);
        Assert.Equal("AlreadyAllowed", record.Outcome.State.ToString());
    }

    [Fact]
    public async Task ProcessAsync_RootCauseHeldByADeadInvocation_FailsTheInvocationInsteadOfASilentSuccess()
    {
        var world = new EngineWorld().WithPetsApi();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            world.Lambda.AfterAddPermission = _ => throw new OperationCanceledException("the process died here");
            await world.RunAsync(RestBatch(Failure), "dead");
        });
        world.Lambda.AfterAddPermission = null;
        LedgerRecord left = await world.SingleRecordAsync();
        Assert.True((await world.Ledger.ClaimAsync(new ClaimRequest(left.Key, "dead", TimeSpan.FromMinutes(2), 0), CancellationToken.None)).Claimed);

        RootCauseBusyException busy = await Assert.ThrowsAsync<RootCauseBusyException>(() => world.RunAsync(RestBatch(Failure), "delivery-2"));

        Assert.Equal("dead", busy.Holder);
        world.Time.Advance(TimeSpan.FromMinutes(2));
        EngineOutcome retried = Assert.Single((await world.RunAsync(RestBatch(Failure), "delivery-2")).Outcomes);
        Assert.Equal((RemediationOutcome.Fixed, true), (retried.Outcome, retried.Notified));
        Assert.Single(world.Sns.Published);
        Assert.Single(world.Lambda.Statements(Pets));
    }

    [Fact]
    public async Task ProcessAsync_HolderFinishesWhileTheOtherWaits_TheWaiterClaimsAndFindsItAllowed()
    {
        var world = new EngineWorld().WithPetsApi();
        LedgerRecord? seen = null;
        string? key = null;
        await world.RunAsync(RestBatch(Failure), "first");
        key = (await world.SingleRecordAsync()).Key;
        ClaimResult held = await world.Ledger.ClaimAsync(new ClaimRequest(key, "holder", TimeSpan.FromMinutes(2), 0), CancellationToken.None);
        int polls = 0;
        world.Time.OnDelay = _ =>
        {
            if (++polls == 3)
            {
                world.Ledger.TryReleaseAsync(held.Lease!, CancellationToken.None).GetAwaiter().GetResult();
            }
        };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure), "waiter")).Outcomes);
        seen = await world.SingleRecordAsync();

        Assert.Equal(RemediationOutcome.AlreadyAllowed, outcome.Outcome);
        Assert.True(polls >= 3);
        Assert.Single(world.Sns.Published);
        Assert.Null(seen.Lease);
    }
}
