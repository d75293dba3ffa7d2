using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

public abstract partial class LedgerContractTests
{
    [Fact]
    public async Task ClaimAsync_NoRecord_ClaimsAndCreatesPendingRecord()
    {
        var claim = await ClaimAsync("fp-new", "invocation-a", occurrences: 3);

        Assert.True(claim.Claimed);
        Assert.Equal(new LedgerLease("fp-new", "invocation-a", StartMillis + LeaseDuration), claim.Lease);
        var expected = new LedgerRecord
        {
            Key = "fp-new",
            Outcome = LedgerOutcome.Pending,
            FirstSeen = StartMillis,
            LastSeen = StartMillis,
            Occurrences = 3,
            Lease = claim.Lease,
            ExpiresAt = WholeSeconds(Start + Options.RecordRetention),
        };
        Assert.Equal(expected, claim.Record);
        Assert.Equal(expected, await GetRequiredAsync("fp-new"));
    }

    [Fact]
    public async Task ClaimAsync_LeaseHeldByAnother_LosesButCountsSighting()
    {
        await ClaimLeaseAsync("fp-held", "invocation-a");
        Clock.Advance(TimeSpan.FromSeconds(10));

        var claim = await ClaimAsync("fp-held", "invocation-b", occurrences: 4);

        Assert.False(claim.Claimed);
        Assert.Null(claim.Lease);
        Assert.Equal("invocation-a", claim.Record.Lease?.Holder);
        Assert.Equal(5, claim.Record.Occurrences);
        Assert.Equal(StartMillis, claim.Record.FirstSeen);
        Assert.Equal(StartMillis.AddSeconds(10), claim.Record.LastSeen);
        Assert.Equal(claim.Record, await GetRequiredAsync("fp-held"));
    }

    [Fact]
    public async Task ClaimAsync_JustBeforeLeaseExpiry_AnotherOwnerLoses()
    {
        await ClaimLeaseAsync("fp-edge", "invocation-a");
        Clock.Advance(LeaseDuration - TimeSpan.FromMilliseconds(1));

        Assert.False((await ClaimAsync("fp-edge", "invocation-b")).Claimed);
    }

    [Fact]
    public async Task ClaimAsync_AtLeaseExpiry_AnotherOwnerWins()
    {
        await ClaimLeaseAsync("fp-edge", "invocation-a");
        Clock.Advance(LeaseDuration);

        var claim = await ClaimAsync("fp-edge", "invocation-b");

        Assert.True(claim.Claimed);
        Assert.Equal(new LedgerLease("fp-edge", "invocation-b", StartMillis + LeaseDuration + LeaseDuration), claim.Lease);
        Assert.Equal(2, claim.Record.Occurrences);
    }

    [Fact]
    public async Task ClaimAsync_SameOwnerWhileHeld_ExtendsLease()
    {
        await ClaimLeaseAsync("fp-mine", "invocation-a");
        Clock.Advance(TimeSpan.FromMinutes(2));

        var again = await ClaimAsync("fp-mine", "invocation-a");

        Assert.True(again.Claimed);
        Assert.Equal(StartMillis + TimeSpan.FromMinutes(2) + LeaseDuration, again.Lease?.ExpiresAt);
        Clock.Advance(LeaseDuration - TimeSpan.FromSeconds(1));
        Assert.False((await ClaimAsync("fp-mine", "invocation-b")).Claimed);
    }

    [Fact]
    public async Task ClaimAsync_AfterRelease_AnotherOwnerWins()
    {
        var lease = await ClaimLeaseAsync("fp-released", "invocation-a");
        Assert.True(await Ledger.TryReleaseAsync(lease, CancellationToken.None));

        var claim = await ClaimAsync("fp-released", "invocation-b");

        Assert.True(claim.Claimed);
        Assert.Equal("invocation-b", claim.Record.Lease?.Holder);
    }

    [Fact]
    public async Task ClaimAsync_AfterCompletion_KeepsOutcomeAndFirstSeen()
    {
        var lease = await ClaimLeaseAsync("fp-done", "invocation-a");
        Assert.True(await Ledger.TryCompleteAsync(lease, FullOutcome, CancellationToken.None));
        Clock.Advance(TimeSpan.FromHours(1));

        var claim = await ClaimAsync("fp-done", "invocation-b", occurrences: 2);

        Assert.True(claim.Claimed);
        Assert.Equal(FullOutcome, claim.Record.Outcome);
        Assert.Equal(StartMillis, claim.Record.FirstSeen);
        Assert.Equal(StartMillis.AddHours(1), claim.Record.LastSeen);
        Assert.Equal(3, claim.Record.Occurrences);
        Assert.Equal(WholeSeconds(Start.AddHours(1) + Options.RecordRetention), claim.Record.ExpiresAt);
    }

    [Fact]
    public async Task ClaimAsync_RecordExpired_StartsAfresh()
    {
        var lease = await ClaimLeaseAsync("fp-old", "invocation-a");
        Assert.True(await Ledger.TryCompleteAsync(
            lease,
            LedgerOutcome.Pending with { State = RemediationState.Failed, Attempts = 3, ConsecutiveFailures = 3 },
            CancellationToken.None));
        Clock.Advance(Options.RecordRetention + TimeSpan.FromSeconds(1));

        var claim = await ClaimAsync("fp-old", "invocation-b", occurrences: 2);

        Assert.True(claim.Claimed);
        Assert.Equal(LedgerOutcome.Pending, claim.Record.Outcome);
        Assert.Equal(2, claim.Record.Occurrences);
        Assert.Equal(claim.Record.LastSeen, claim.Record.FirstSeen);
    }

    [Fact]
    public async Task ClaimAsync_FingerprintWithSeparatorsAndUnicode_RoundTrips()
    {
        const string fingerprint = "rest|a1b2c3d4e5|prod|GET /pets/{id}|fp#hour#2025-03-14T09|ünïcødé";

        await ClaimLeaseAsync(fingerprint, "invocation-a");

        Assert.Equal(fingerprint, (await GetRequiredAsync(fingerprint)).Key);
        Assert.Contains(fingerprint, await Ledger.ListAsync(CancellationToken.None).Select(record => record.Key).ToListAsync());
    }

    public static TheoryData<string, string, int, long> InvalidClaims => new()
    {
        { "", "owner", 60, 1 },
        { new string('f', 1025), "owner", 60, 1 },
        { "fp", "", 60, 1 },
        { "fp", "owner", 0, 1 },
        { "fp", "owner", -5, 1 },
        { "fp", "owner", 60, -1 },
    };

    [Theory]
    [MemberData(nameof(InvalidClaims))]
    public async Task ClaimAsync_InvalidRequest_ThrowsWithoutWriting(string fingerprint, string owner, int leaseSeconds, long occurrences)
    {
        var request = new ClaimRequest(fingerprint, owner, TimeSpan.FromSeconds(leaseSeconds), occurrences);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ClaimAsync(request, CancellationToken.None));
        Assert.Empty(await Ledger.ListAsync(CancellationToken.None).ToListAsync());
    }

}
