namespace Remediator.Core.Observability;

/// <summary>The counts one EMF document carries for one (mode, kind) pair.</summary>
public readonly record struct MetricCounts(
    int FindingsSeen, int Fixed, int Tickets, int AlreadyAllowed, int Errors, int BreakerOpen)
{
    /// <summary>The contribution of one outcome: a finding is seen when it has a kind; each outcome
    /// with a metric of its own adds one to it.</summary>
    public static MetricCounts Of(OutcomeLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Outcome outcome = entry.Outcome;
        return new MetricCounts(
            FindingsSeen: entry.Kind is null ? 0 : 1,
            Fixed: outcome == Outcome.Fixed ? 1 : 0,
            Tickets: outcome == Outcome.Ticket ? 1 : 0,
            AlreadyAllowed: outcome == Outcome.AlreadyAllowed ? 1 : 0,
            Errors: outcome == Outcome.Error ? 1 : 0,
            BreakerOpen: outcome == Outcome.BreakerOpen ? 1 : 0);
    }

    /// <summary>Adds two sets of counts.</summary>
    public static MetricCounts operator +(MetricCounts left, MetricCounts right) => new(
        left.FindingsSeen + right.FindingsSeen,
        left.Fixed + right.Fixed,
        left.Tickets + right.Tickets,
        left.AlreadyAllowed + right.AlreadyAllowed,
        left.Errors + right.Errors,
        left.BreakerOpen + right.BreakerOpen);

    /// <summary>Named alternative to <c>+</c>.</summary>
    public static MetricCounts Add(MetricCounts left, MetricCounts right) => left + right;

    /// <summary>The values in <see cref="ObservabilityNames.Metrics"/> order.</summary>
    public IReadOnlyList<int> InMetricOrder() => [FindingsSeen, Fixed, Tickets, AlreadyAllowed, Errors, BreakerOpen];
}
