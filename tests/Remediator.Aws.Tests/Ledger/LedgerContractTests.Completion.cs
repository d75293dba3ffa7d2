using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

public abstract partial class LedgerContractTests
{
    [Fact]
    public async Task GetAsync_UnknownFingerprint_ReturnsNull()
    {
        Assert.Null(await Ledger.GetAsync("fp-unknown", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_RecordPastExpiry_ReturnsNull()
    {
        await ClaimLeaseAsync("fp-expiring", "invocation-a");
        Clock.Advance(Options.RecordRetention - TimeSpan.FromSeconds(1));
        Assert.NotNull(await Ledger.GetAsync("fp-expiring", CancellationToken.None));

        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await Ledger.GetAsync("fp-expiring", CancellationToken.None));
    }

    [Fact]
    public async Task TryCompleteAsync_LeaseOwner_RecordsOutcomeReleasesLeaseAndRefreshesExpiry()
    {
        var lease = await ClaimLeaseAsync("fp-complete", "invocation-a");
        Clock.Advance(TimeSpan.FromSeconds(30));

        var completed = await Ledger.TryCompleteAsync(lease, FullOutcome, CancellationToken.None);

        Assert.True(completed);
        var record = await GetRequiredAsync("fp-complete");
        Assert.Equal(FullOutcome, record.Outcome);
        Assert.Null(record.Lease);
        Assert.Equal(WholeSeconds(Start.AddSeconds(30) + Options.RecordRetention), record.ExpiresAt);
        Assert.Equal(StartMillis, record.LastSeen);
        Assert.Equal(1, record.Occurrences);
    }

    [Fact]
    public async Task TryCompleteAsync_LeaseOfAnotherOwner_ReturnsFalseAndWritesNothing()
    {
        var lease = await ClaimLeaseAsync("fp-forged", "invocation-a");
        var before = await GetRequiredAsync("fp-forged");

        var completed = await Ledger.TryCompleteAsync(lease with { Holder = "invocation-b" }, FullOutcome, CancellationToken.None);

        Assert.False(completed);
        Assert.Equal(before, await GetRequiredAsync("fp-forged"));
    }

    [Fact]
    public async Task TryCompleteAsync_LeaseExpired_ReturnsFalseEvenWithoutNewClaimer()
    {
        var lease = await ClaimLeaseAsync("fp-slow", "invocation-a");
        Clock.Advance(LeaseDuration);

        Assert.False(await Ledger.TryCompleteAsync(lease, FullOutcome, CancellationToken.None));
        Assert.Equal(LedgerOutcome.Pending, (await GetRequiredAsync("fp-slow")).Outcome);
    }

    [Fact]
    public async Task TryCompleteAsync_LeaseTakenOverAfterExpiry_OnlyNewOwnerCompletes()
    {
        var first = await ClaimLeaseAsync("fp-takeover", "invocation-a");
        Clock.Advance(LeaseDuration + TimeSpan.FromSeconds(1));
        var second = await ClaimLeaseAsync("fp-takeover", "invocation-b");
        var secondOutcome = LedgerOutcome.Pending with { State = RemediationState.AlreadyAllowed, LastAction = "None" };

        Assert.False(await Ledger.TryCompleteAsync(first, FullOutcome, CancellationToken.None));
        Assert.False(await Ledger.TryReleaseAsync(first, CancellationToken.None));
        Assert.True(await Ledger.TryCompleteAsync(second, secondOutcome, CancellationToken.None));

        Assert.Equal(secondOutcome, (await GetRequiredAsync("fp-takeover")).Outcome);
    }

    [Fact]
    public async Task TryCompleteAsync_SameLeaseTwice_SecondReturnsFalse()
    {
        var lease = await ClaimLeaseAsync("fp-twice", "invocation-a");

        Assert.True(await Ledger.TryCompleteAsync(lease, FullOutcome, CancellationToken.None));
        Assert.False(await Ledger.TryCompleteAsync(lease, LedgerOutcome.Pending, CancellationToken.None));
        Assert.Equal(FullOutcome, (await GetRequiredAsync("fp-twice")).Outcome);
    }

    [Fact]
    public async Task TryCompleteAsync_UnknownFingerprint_ReturnsFalseAndCreatesNothing()
    {
        var lease = new LedgerLease("fp-never-claimed", "invocation-a", Start.AddMinutes(5));

        Assert.False(await Ledger.TryCompleteAsync(lease, FullOutcome, CancellationToken.None));
        Assert.Null(await Ledger.GetAsync("fp-never-claimed", CancellationToken.None));
    }

    [Fact]
    public async Task TryCompleteAsync_NullOptionalValues_ClearStoredOnes()
    {
        await Ledger.TryCompleteAsync(await ClaimLeaseAsync("fp-clear", "invocation-a"), FullOutcome, CancellationToken.None);
        var cleared = new LedgerOutcome { State = RemediationState.Ignored, Attempts = 2 };

        Assert.True(await Ledger.TryCompleteAsync(await ClaimLeaseAsync("fp-clear", "invocation-b"), cleared, CancellationToken.None));

        Assert.Equal(cleared, (await GetRequiredAsync("fp-clear")).Outcome);
    }

    [Fact]
    public async Task TryCompleteAsync_EmptyStringsAndSubMillisecondTimes_StoredNormalized()
    {
        var lease = await ClaimLeaseAsync("fp-normal", "invocation-a");
        var outcome = FullOutcome with
        {
            LastAction = "",
            OpsItemId = "",
            Fix = FullOutcome.Fix! with { Qualifier = "" },
            LastNotifiedAt = Start,
        };

        Assert.True(await Ledger.TryCompleteAsync(lease, outcome, CancellationToken.None));

        var stored = (await GetRequiredAsync("fp-normal")).Outcome;
        Assert.Equal(
            outcome with { LastAction = null, OpsItemId = null, Fix = outcome.Fix with { Qualifier = null }, LastNotifiedAt = StartMillis },
            stored);
    }

    [Fact]
    public async Task TryCompleteAsync_NegativeAttempts_Throws()
    {
        var lease = await ClaimLeaseAsync("fp-bad", "invocation-a");

        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => Ledger.TryCompleteAsync(lease, FullOutcome with { Attempts = -1 }, CancellationToken.None));
        Assert.Equal(lease, (await GetRequiredAsync("fp-bad")).Lease);
    }

    [Fact]
    public async Task TryReleaseAsync_LeaseOwner_FreesLeaseAndKeepsOutcome()
    {
        await Ledger.TryCompleteAsync(await ClaimLeaseAsync("fp-keep", "invocation-a"), FullOutcome, CancellationToken.None);
        var lease = await ClaimLeaseAsync("fp-keep", "invocation-b");

        Assert.True(await Ledger.TryReleaseAsync(lease, CancellationToken.None));

        var record = await GetRequiredAsync("fp-keep");
        Assert.Null(record.Lease);
        Assert.Equal(FullOutcome, record.Outcome);
    }

    [Fact]
    public async Task TryReleaseAsync_LeaseOfAnotherOwner_ReturnsFalseAndKeepsLease()
    {
        var lease = await ClaimLeaseAsync("fp-theirs", "invocation-a");

        Assert.False(await Ledger.TryReleaseAsync(lease with { Holder = "invocation-b" }, CancellationToken.None));
        Assert.Equal(lease, (await GetRequiredAsync("fp-theirs")).Lease);
    }
}
