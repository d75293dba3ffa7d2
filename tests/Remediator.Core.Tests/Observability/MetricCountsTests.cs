using Remediator.Core.Observability;

namespace Remediator.Core.Tests.Observability;

public class MetricCountsTests
{
    [Theory]
    [InlineData(Outcome.Fixed, "Kind", 1, 1, 0, 0, 0, 0)]
    [InlineData(Outcome.AlreadyAllowed, "Kind", 1, 0, 0, 1, 0, 0)]
    [InlineData(Outcome.Ticket, "Kind", 1, 0, 1, 0, 0, 0)]
    [InlineData(Outcome.Error, "Kind", 1, 0, 0, 0, 1, 0)]
    [InlineData(Outcome.Error, null, 0, 0, 0, 0, 1, 0)]
    [InlineData(Outcome.BreakerOpen, "Kind", 1, 0, 0, 0, 0, 1)]
    [InlineData(Outcome.Recommended, "Kind", 1, 0, 0, 0, 0, 0)]
    [InlineData(Outcome.Observed, "Kind", 1, 0, 0, 0, 0, 0)]
    [InlineData(Outcome.Notified, "Kind", 1, 0, 0, 0, 0, 0)]
    [InlineData(Outcome.Exempt, "Kind", 1, 0, 0, 0, 0, 0)]
    [InlineData(Outcome.Ignored, "Kind", 1, 0, 0, 0, 0, 0)]
    public void Of_EachOutcome_CountsItsMetrics(
        Outcome outcome, string? kind, int seen, int fixedCount, int tickets, int allowed, int errors, int breaker)
    {
        var entry = new OutcomeLogEntry(DateTimeOffset.UnixEpoch, null, outcome, kind, null, null, null, null, null, "m");

        Assert.Equal(new MetricCounts(seen, fixedCount, tickets, allowed, errors, breaker), MetricCounts.Of(entry));
    }

    [Fact]
    public void Add_SumsEachCount()
    {
        Assert.Equal(
            new MetricCounts(11, 22, 33, 44, 55, 66),
            MetricCounts.Add(new MetricCounts(1, 2, 3, 4, 5, 6), new MetricCounts(10, 20, 30, 40, 50, 60)));
    }
}
