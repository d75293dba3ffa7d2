using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

public abstract partial class LedgerContractTests
{
    private static readonly DateTimeOffset NotificationHour = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryConsumeNotificationAsync_PastTheLimit_SuppressesAndGivesTheSummaryOnce()
    {
        var budgets = new List<NotificationBudget>();
        for (var notification = 0; notification < 5; notification++)
        {
            budgets.Add(await Ledger.TryConsumeNotificationAsync(2, CancellationToken.None));
        }

        Assert.Equal(
            [
                new NotificationBudget(true, 1, 2, NotificationHour, false),
                new NotificationBudget(true, 2, 2, NotificationHour, false),
                new NotificationBudget(false, 3, 2, NotificationHour, true),
                new NotificationBudget(false, 4, 2, NotificationHour, false),
                new NotificationBudget(false, 5, 2, NotificationHour, false),
            ],
            budgets);
    }

    [Fact]
    public async Task TryConsumeNotificationAsync_NextHour_CountsAfreshWithItsOwnSummary()
    {
        await Ledger.TryConsumeNotificationAsync(1, CancellationToken.None);
        Assert.True((await Ledger.TryConsumeNotificationAsync(1, CancellationToken.None)).SummaryDue);

        Clock.Advance(NotificationHour.AddHours(1) - Start);

        Assert.Equal(new NotificationBudget(true, 1, 1, NotificationHour.AddHours(1), false), await Ledger.TryConsumeNotificationAsync(1, CancellationToken.None));
        Assert.Equal(new NotificationBudget(false, 2, 1, NotificationHour.AddHours(1), true), await Ledger.TryConsumeNotificationAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeNotificationAsync_LimitChangedWithinTheHour_StillOneSummary()
    {
        for (var notification = 0; notification < 4; notification++)
        {
            await Ledger.TryConsumeNotificationAsync(10, CancellationToken.None);
        }

        Assert.Equal(new NotificationBudget(false, 5, 2, NotificationHour, true), await Ledger.TryConsumeNotificationAsync(2, CancellationToken.None));
        Assert.Equal(new NotificationBudget(true, 6, 10, NotificationHour, false), await Ledger.TryConsumeNotificationAsync(10, CancellationToken.None));
        Assert.Equal(new NotificationBudget(false, 7, 3, NotificationHour, false), await Ledger.TryConsumeNotificationAsync(3, CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeNotificationAsync_AndFixes_AreCountedApart()
    {
        Assert.True((await Ledger.TryConsumeAsync(HourlyCap.Fixes, 1, CancellationToken.None)).Allowed);

        Assert.Equal(new NotificationBudget(true, 1, 1, NotificationHour, false), await Ledger.TryConsumeNotificationAsync(1, CancellationToken.None));
        Assert.False((await Ledger.TryConsumeAsync(HourlyCap.Fixes, 1, CancellationToken.None)).Allowed);
        Assert.Equal(new HourlyBudget(true, 2, 2, NotificationHour), await Ledger.TryConsumeAsync(HourlyCap.Fixes, 2, CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeNotificationAsync_NegativeLimit_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ledger.TryConsumeNotificationAsync(-1, CancellationToken.None));
    }

}
