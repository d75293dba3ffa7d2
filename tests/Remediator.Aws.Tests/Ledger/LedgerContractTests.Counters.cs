using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

public abstract partial class LedgerContractTests
{
    private static readonly DateTimeOffset StartHour = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(HourlyCap.Fixes)]
    [InlineData(HourlyCap.NewTickets)]
    public async Task TryConsumeAsync_UpToLimit_AllowsThenOpensBreaker(HourlyCap cap)
    {
        var budgets = new List<HourlyBudget>();
        for (var fix = 0; fix < 4; fix++)
        {
            budgets.Add(await Ledger.TryConsumeAsync(cap, 3, CancellationToken.None));
        }

        Assert.Equal(
            [
                new HourlyBudget(true, 1, 3, StartHour),
                new HourlyBudget(true, 2, 3, StartHour),
                new HourlyBudget(true, 3, 3, StartHour),
                new HourlyBudget(false, 3, 3, StartHour),
            ],
            budgets);
    }

    [Theory]
    [InlineData(HourlyCap.Fixes)]
    [InlineData(HourlyCap.NewTickets)]
    public async Task TryConsumeAsync_NextHour_CountsAfresh(HourlyCap cap)
    {
        await Ledger.TryConsumeAsync(cap, 1, CancellationToken.None);
        Assert.False((await Ledger.TryConsumeAsync(cap, 1, CancellationToken.None)).Allowed);

        Clock.Advance(StartHour.AddHours(1) - Start);

        Assert.Equal(new HourlyBudget(true, 1, 1, StartHour.AddHours(1)), await Ledger.TryConsumeAsync(cap, 1, CancellationToken.None));
    }

    [Theory]
    [InlineData(HourlyCap.Fixes)]
    [InlineData(HourlyCap.NewTickets)]
    public async Task TryConsumeAsync_LastMillisecondOfHour_CountsInThatHour(HourlyCap cap)
    {
        Clock.Advance(StartHour.AddHours(1).AddMilliseconds(-1) - Start);

        Assert.Equal(StartHour, (await Ledger.TryConsumeAsync(cap, 5, CancellationToken.None)).HourStart);
    }

    [Theory]
    [InlineData(HourlyCap.Fixes)]
    [InlineData(HourlyCap.NewTickets)]
    public async Task TryConsumeAsync_ZeroLimit_DeniesWithoutCounting(HourlyCap cap)
    {
        Assert.Equal(new HourlyBudget(false, 0, 0, StartHour), await Ledger.TryConsumeAsync(cap, 0, CancellationToken.None));
        Assert.Equal(new HourlyBudget(true, 1, 1, StartHour), await Ledger.TryConsumeAsync(cap, 1, CancellationToken.None));
    }

    [Theory]
    [InlineData(HourlyCap.Fixes)]
    [InlineData(HourlyCap.NewTickets)]
    public async Task TryConsumeAsync_LimitLoweredBelowCount_DeniesAndReportsCount(HourlyCap cap)
    {
        for (var fix = 0; fix < 4; fix++)
        {
            Assert.True((await Ledger.TryConsumeAsync(cap, 10, CancellationToken.None)).Allowed);
        }

        Assert.Equal(new HourlyBudget(false, 4, 2, StartHour), await Ledger.TryConsumeAsync(cap, 2, CancellationToken.None));
        Assert.Equal(new HourlyBudget(true, 5, 5, StartHour), await Ledger.TryConsumeAsync(cap, 5, CancellationToken.None));
    }

    [Theory]
    [InlineData(HourlyCap.Fixes)]
    [InlineData(HourlyCap.NewTickets)]
    public async Task TryConsumeAsync_NegativeLimit_Throws(HourlyCap cap)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ledger.TryConsumeAsync(cap, -1, CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeAsync_CapsOfOneHour_CountApart()
    {
        Assert.True((await Ledger.TryConsumeAsync(HourlyCap.Fixes, 1, CancellationToken.None)).Allowed);
        Assert.False((await Ledger.TryConsumeAsync(HourlyCap.Fixes, 1, CancellationToken.None)).Allowed);

        Assert.Equal(new HourlyBudget(true, 1, 1, StartHour), await Ledger.TryConsumeAsync(HourlyCap.NewTickets, 1, CancellationToken.None));
        Assert.Equal(new HourlyBudget(false, 1, 1, StartHour), await Ledger.TryConsumeAsync(HourlyCap.Fixes, 1, CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeAsync_UnknownCap_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ledger.TryConsumeAsync((HourlyCap)42, 1, CancellationToken.None));
    }
}
