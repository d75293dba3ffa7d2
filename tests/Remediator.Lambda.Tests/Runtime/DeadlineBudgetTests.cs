using Microsoft.Extensions.Time.Testing;
using Remediator.Lambda.Runtime;

namespace Remediator.Lambda.Tests.Runtime;

public class DeadlineBudgetTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private static (DeadlineBudget Budget, FakeTimeProvider Clock) Budget(TimeSpan untilDeadline, TimeSpan margin)
    {
        var clock = new FakeTimeProvider(Now);
        return (new DeadlineBudget(Now + untilDeadline, margin, clock), clock);
    }

    [Fact]
    public void Remaining_IsTimeUntilDeadlineLessMargin()
    {
        (DeadlineBudget budget, FakeTimeProvider clock) = Budget(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(28), budget.Remaining);
        Assert.Equal(Now + TimeSpan.FromSeconds(28), budget.StopAt);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(18), budget.Remaining);
    }

    [Fact]
    public void Remaining_PastStopPoint_IsZero()
    {
        (DeadlineBudget budget, _) = Budget(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.Zero, budget.Remaining);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(7.9, true)]
    [InlineData(8, false)]
    [InlineData(20, false)]
    public void HasTimeFor_ComparesWithRemaining(double seconds, bool expected)
    {
        (DeadlineBudget budget, _) = Budget(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));

        Assert.Equal(expected, budget.HasTimeFor(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void CreateCancellationSource_CancelsWhenClockReachesStopPoint()
    {
        (DeadlineBudget budget, FakeTimeProvider clock) = Budget(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
        using CancellationTokenSource source = budget.CreateCancellationSource();

        clock.Advance(TimeSpan.FromSeconds(7.999));
        Assert.False(source.IsCancellationRequested);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void CreateReportCancellationSource_CancelsAQuarterOfTheMarginBeforeTheDeadline()
    {
        (DeadlineBudget budget, FakeTimeProvider clock) = Budget(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
        using CancellationTokenSource work = budget.CreateCancellationSource();
        using CancellationTokenSource report = budget.CreateReportCancellationSource();

        Assert.Equal(Now + TimeSpan.FromSeconds(9.5), budget.ReportBy);
        clock.Advance(TimeSpan.FromSeconds(8));
        Assert.True(work.IsCancellationRequested);
        Assert.False(report.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.True(report.IsCancellationRequested);
    }

    [Fact]
    public void CreateCancellationSource_AlreadyPastStopPoint_IsCancelled()
    {
        (DeadlineBudget budget, _) = Budget(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        using CancellationTokenSource source = budget.CreateCancellationSource();

        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void CreateCancellationSource_FarFutureDeadline_DoesNotThrow()
    {
        (DeadlineBudget budget, _) = Budget(TimeSpan.FromDays(400), TimeSpan.Zero);
        using CancellationTokenSource source = budget.CreateCancellationSource();

        Assert.False(source.IsCancellationRequested);
    }

    [Fact]
    public void BudgetFor_UsesPolicyClockAndMargin()
    {
        var clock = new FakeTimeProvider(Now);
        var policy = new DeadlinePolicy(clock, TimeSpan.FromSeconds(3));

        DeadlineBudget budget = policy.BudgetFor(new Invocation("r", Now.AddSeconds(10), "arn", null, ReadOnlyMemory<byte>.Empty));

        Assert.Equal(TimeSpan.FromSeconds(7), budget.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(3), budget.SafetyMargin);
    }

    [Fact]
    public void DefaultSafetyMargin_IsPinned()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), DeadlinePolicy.DefaultSafetyMargin);
    }
}
