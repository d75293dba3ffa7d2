using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

public abstract partial class LedgerContractTests
{
    [Fact]
    public async Task ListAsync_EmptyLedger_ReturnsNothing()
    {
        Assert.Empty(await Ledger.ListAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task ListAsync_MixedRecordsAndCounters_ReturnsEveryLiveRecordOnly()
    {
        await ClaimLeaseAsync("fp-expired", "invocation-a");
        Clock.Advance(TimeSpan.FromDays(20));
        await Ledger.TryCompleteAsync(await ClaimLeaseAsync("fp-fixed", "invocation-a"), FullOutcome, CancellationToken.None);
        await ClaimLeaseAsync("fp-pending", "invocation-b");
        await Ledger.TryConsumeAsync(HourlyCap.Fixes, 10, CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(11));

        var listed = await Ledger.ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(["fp-fixed", "fp-pending"], listed.Select(record => record.Key).Order(StringComparer.Ordinal));
        Assert.Equal(await GetRequiredAsync("fp-fixed"), listed.Single(record => record.Key == "fp-fixed"));
    }

    [Fact]
    public async Task ListAsync_ManyRecords_ReturnsEachOnce()
    {
        var fingerprints = Enumerable.Range(0, 25).Select(index => $"fp-many-{index:D2}").ToList();
        foreach (var fingerprint in fingerprints)
        {
            await ClaimLeaseAsync(fingerprint, "invocation-a");
            await Ledger.TryConsumeAsync(HourlyCap.Fixes, 100, CancellationToken.None);
        }

        var listed = await Ledger.ListAsync(CancellationToken.None).Select(record => record.Key).ToListAsync();

        Assert.Equal(fingerprints, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_FixedRecord_CarriesWhatRevertNeeds()
    {
        await Ledger.TryCompleteAsync(await ClaimLeaseAsync("fp-revert", "invocation-a"), FullOutcome, CancellationToken.None);

        var fixedRecord = Assert.Single(await Ledger.ListAsync(CancellationToken.None).ToListAsync());

        Assert.Equal(RemediationState.Fixed, fixedRecord.Outcome.State);
        Assert.Equal(
            new AppliedPermission("remediator-a1b2c3d4e5f6-GET-pets", "arn:aws:lambda:us-east-1:000000000000:function:pets-api", "live"),
            fixedRecord.Outcome.Fix);
    }
}
