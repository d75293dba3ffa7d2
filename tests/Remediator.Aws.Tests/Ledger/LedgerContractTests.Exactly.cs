using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

/// <summary>The contract's intent, owed-notification and quiet-claim rules (docs/ARCHITECTURE.md, "Ledger and root-cause key").</summary>
public abstract partial class LedgerContractTests
{
    private static readonly PermissionIntent Intent = new(
        "remediator-a1b2c3d4e5f6-GET-pets",
        "arn:aws:lambda:us-east-1:000000000000:function:pets-api",
        null,
        "arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/*/GET/pets");

    [Fact]
    public async Task TryRecordIntentAsync_LeaseOwner_RecordsTheIntentAndKeepsTheLeaseAndOutcome()
    {
        var lease = await ClaimLeaseAsync("fp-intent", "owner-a");
        var before = await GetRequiredAsync("fp-intent");

        Assert.True(await Ledger.TryRecordIntentAsync(lease, Intent, CancellationToken.None));

        var record = await GetRequiredAsync("fp-intent");
        Assert.Equal(Intent, record.Outcome.Intent);
        Assert.Equal(lease, record.Lease);
        Assert.Equal(before.Outcome with { Intent = Intent }, record.Outcome);

        // The completion that records the fix clears it.
        Assert.True(await Ledger.TryCompleteAsync(lease, record.Outcome with { State = RemediationState.Fixed, Fix = Intent.ToApplied(), Intent = null }, CancellationToken.None));
        Assert.Null((await GetRequiredAsync("fp-intent")).Outcome.Intent);
    }

    [Fact]
    public async Task TryRecordIntentAsync_LeaseLostOrExpired_ReturnsFalseAndWritesNothing()
    {
        var lease = await ClaimLeaseAsync("fp-intent-lost", "owner-a");
        Clock.Advance(LeaseDuration);
        Assert.True((await ClaimAsync("fp-intent-lost", "owner-b")).Claimed);

        Assert.False(await Ledger.TryRecordIntentAsync(lease, Intent, CancellationToken.None));
        Assert.Null((await GetRequiredAsync("fp-intent-lost")).Outcome.Intent);
    }

    [Fact]
    public async Task TryCompleteAsync_OwedNotification_IsListedUntilForgottenWithItsToken()
    {
        var lease = await ClaimLeaseAsync("fp-owed", "owner-a");
        var owed = new SnsMessage("arn:aws:sns:us-east-1:000000000000:remediator", "body", "subject", null, new Dictionary<string, string> { ["outcome"] = "Fixed" });
        Assert.Empty(await Ledger.ListOwedAsync(10, CancellationToken.None));

        Assert.True(await Ledger.TryCompleteAsync(lease, LedgerOutcome.Pending with { State = RemediationState.Fixed, OwedNotification = owed }, CancellationToken.None));

        var stored = (await GetRequiredAsync("fp-owed")).Outcome.OwedNotification!;
        Assert.Equal((owed.TopicArn, owed.Message, owed.Subject), (stored.TopicArn, stored.Message, stored.Subject));
        Assert.Equal(owed.Attributes, stored.Attributes);
        OwedEntry entry = Assert.Single(await Ledger.ListOwedAsync(10, CancellationToken.None));
        Assert.Equal("fp-owed", entry.Key);
        await Ledger.ForgetOwedAsync(entry, CancellationToken.None);
        Assert.Empty(await Ledger.ListOwedAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task TryCompleteAsync_OwedFifoNotification_KeepsItsDeduplicationIdAndGroup()
    {
        // Sent later under the same deduplication id, a FIFO topic delivers it once even if the first Publish got through.
        var lease = await ClaimLeaseAsync("fp-owed-fifo", "owner-a");
        var owed = new SnsMessage("arn:aws:sns:us-east-1:000000000000:remediator.fifo", "body", DeduplicationId: "dedup-7", GroupId: "group-7");

        Assert.True(await Ledger.TryCompleteAsync(lease, LedgerOutcome.Pending with { State = RemediationState.Fixed, OwedNotification = owed }, CancellationToken.None));

        var stored = (await GetRequiredAsync("fp-owed-fifo")).Outcome.OwedNotification!;
        Assert.Equal(("dedup-7", "group-7"), (stored.DeduplicationId, stored.GroupId));
    }

    [Fact]
    public async Task ForgetOwedAsync_EntryWrittenAgainSinceListed_KeepsTheNewerDebt()
    {
        var owed = new SnsMessage("arn:aws:sns:us-east-1:000000000000:remediator", "body");
        Assert.True(await Ledger.TryCompleteAsync(await ClaimLeaseAsync("fp-owed-again", "owner-a"), LedgerOutcome.Pending with { OwedNotification = owed }, CancellationToken.None));
        OwedEntry listed = Assert.Single(await Ledger.ListOwedAsync(10, CancellationToken.None));

        Assert.True(await Ledger.TryCompleteAsync(await ClaimLeaseAsync("fp-owed-again", "owner-b"), LedgerOutcome.Pending with { OwedNotification = owed }, CancellationToken.None));
        await Ledger.ForgetOwedAsync(listed, CancellationToken.None);

        OwedEntry kept = Assert.Single(await Ledger.ListOwedAsync(10, CancellationToken.None));
        Assert.Equal("fp-owed-again", kept.Key);
        Assert.NotEqual(listed.Token, kept.Token);
    }

    [Fact]
    public async Task ListOwedAsync_ManyOwed_ReturnsAtMostTheLimit()
    {
        for (int i = 0; i < 3; i++)
        {
            var lease = await ClaimLeaseAsync($"fp-owed-{i}", "owner-a");
            Assert.True(await Ledger.TryCompleteAsync(lease, LedgerOutcome.Pending with { OwedNotification = new SnsMessage("arn:aws:sns:us-east-1:000000000000:t", $"body {i}") }, CancellationToken.None));
        }

        Assert.Equal(2, (await Ledger.ListOwedAsync(2, CancellationToken.None)).Count);
        Assert.Equal(3, (await Ledger.ListOwedAsync(10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ClaimAsync_NoOccurrences_TakesTheLeaseWithoutCountingASighting()
    {
        await ClaimAsync("fp-quiet", "owner-a", occurrences: 2);
        Assert.True(await Ledger.TryReleaseAsync((await GetRequiredAsync("fp-quiet")).Lease!, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(30));

        var claim = await ClaimAsync("fp-quiet", "sweeper", occurrences: 0);

        Assert.True(claim.Claimed);
        Assert.Equal((2L, StartMillis), (claim.Record.Occurrences, claim.Record.LastSeen));
        Assert.Equal("sweeper", claim.Record.Lease?.Holder);
    }
}
