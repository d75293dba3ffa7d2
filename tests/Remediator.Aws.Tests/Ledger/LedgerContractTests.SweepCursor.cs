namespace Remediator.Aws.Tests.Ledger;

public abstract partial class LedgerContractTests
{
    [Fact]
    public async Task SweepCursor_NoSweepYet_IsNull()
    {
        Assert.Null(await Ledger.GetSweepCursorAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SweepCursor_SetThenCleared_ReadsBackEachTimeAndIsNoRecord()
    {
        await Ledger.SetSweepCursorAsync("rest/a1b2c3d4e5", CancellationToken.None);
        Assert.Equal("rest/a1b2c3d4e5", await Ledger.GetSweepCursorAsync(CancellationToken.None));

        await Ledger.SetSweepCursorAsync("v2/z9y8x7", CancellationToken.None);
        Assert.Equal("v2/z9y8x7", await Ledger.GetSweepCursorAsync(CancellationToken.None));
        Assert.Empty(await Ledger.ListAsync(CancellationToken.None).ToListAsync());

        await Ledger.SetSweepCursorAsync(null, CancellationToken.None);
        Assert.Null(await Ledger.GetSweepCursorAsync(CancellationToken.None));
    }
}
