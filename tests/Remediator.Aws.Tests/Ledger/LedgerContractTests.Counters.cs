using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

public abstract partial class LedgerContractTests
{
    private static readonly DateTimeOffset StartHour = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryConsumeFixAsync_UpToLimit_AllowsThenOpensBreaker()
    {
        var budgets = new List<FixBudget>();
        for (var fix = 0; fix < 4; fix++)
        {
            budgets.Add(await Ledger.TryConsumeFixAsync(3, CancellationToken.None));
        }

        Assert.Equal(
            [
                new FixBudget(true, 1, 3, StartHour),
                new FixBudget(true, 2, 3, StartHour),
                new FixBudget(true, 3, 3, StartHour),
                new FixBudget(false, 3, 3, StartHour),
            ],
            budgets);
    }

    [Fact]
    public async Task TryConsumeFixAsync_NextHour_CountsAfresh()
    {
        await Ledger.TryConsumeFixAsync(1, CancellationToken.None);
        Assert.False((await Ledger.TryConsumeFixAsync(1, CancellationToken.None)).Allowed);

        Clock.Advance(StartHour.AddHours(1) - Start);

        Assert.Equal(new FixBudget(true, 1, 1, StartHour.AddHours(1)), await Ledger.TryConsumeFixAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeFixAsync_LastMillisecondOfHour_CountsInThatHour()
    {
        Clock.Advance(StartHour.AddHours(1).AddMilliseconds(-1) - Start);

        Assert.Equal(StartHour, (await Ledger.TryConsumeFixAsync(5, CancellationToken.None)).HourStart);
    }

    [Fact]
    public async Task TryConsumeFixAsync_ZeroLimit_DeniesWithoutCounting()
    {
        Assert.Equal(new FixBudget(false, 0, 0, StartHour), await Ledger.TryConsumeFixAsync(0, CancellationToken.None));
        Assert.Equal(new FixBudget(true, 1, 1, StartHour), await Ledger.TryConsumeFixAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeFixAsync_LimitLoweredBelowCount_DeniesAndReportsCount()
    {
        for (var fix = 0; fix < 4; fix++)
        {
            Assert.True((await Ledger.TryConsumeFixAsync(10, CancellationToken.None)).Allowed);
        }

        Assert.Equal(new FixBudget(false, 4, 2, StartHour), await Ledger.TryConsumeFixAsync(2, CancellationToken.None));
        Assert.Equal(new FixBudget(true, 5, 5, StartHour), await Ledger.TryConsumeFixAsync(5, CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeFixAsync_NegativeLimit_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ledger.TryConsumeFixAsync(-1, CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeFixAsync_EightConcurrentRequests_NeverExceedLimit()
    {
        const int limit = 5;
        for (var round = 0; round < 5; round++)
        {
            var startGun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var requests = Enumerable.Range(0, 8)
                .Select(_ => Task.Run(async () =>
                {
                    await startGun.Task;
                    return await Ledger.TryConsumeFixAsync(limit, CancellationToken.None);
                }))
                .ToList();
            startGun.SetResult();

            var budgets = await Task.WhenAll(requests);

            Assert.Equal(limit, budgets.Count(budget => budget.Allowed));
            Assert.Equal(Enumerable.Range(1, limit).Select(count => (long)count), budgets.Where(b => b.Allowed).Select(b => b.FixesThisHour).Order());
            Clock.Advance(TimeSpan.FromHours(1));
        }
    }
}
