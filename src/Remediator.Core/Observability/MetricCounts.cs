using Remediator.Core.Decisions;

namespace Remediator.Core.Observability;

/// <summary>The counts one EMF document carries for one (mode, kind) pair.</summary>
public readonly record struct MetricCounts(
    int FindingsSeen, int Fixed, int Tickets, int AlreadyAllowed, int Errors, int BreakerOpen, int NotificationsSuppressed = 0)
{
    /// <summary>The contribution of one outcome: a finding is seen when it has a kind; each outcome
    /// with a metric of its own adds one to it.</summary>
    public static MetricCounts Of(OutcomeLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string name = entry.OutcomeName;
        return new MetricCounts(
            FindingsSeen: entry.Kind is null ? 0 : 1,
            Fixed: entry.Outcome == RemediationOutcome.Fixed ? 1 : 0,
            Tickets: name == ObservabilityNames.TicketName ? 1 : 0,
            AlreadyAllowed: entry.Outcome == RemediationOutcome.AlreadyAllowed ? 1 : 0,
            Errors: name == ObservabilityNames.ErrorName ? 1 : 0,
            BreakerOpen: name == ObservabilityNames.BreakerOpenName ? 1 : 0,
            NotificationsSuppressed: entry.NotificationSuppressed ? 1 : 0);
    }

    /// <summary>Adds two sets of counts.</summary>
    public static MetricCounts operator +(MetricCounts left, MetricCounts right) => new(
        left.FindingsSeen + right.FindingsSeen,
        left.Fixed + right.Fixed,
        left.Tickets + right.Tickets,
        left.AlreadyAllowed + right.AlreadyAllowed,
        left.Errors + right.Errors,
        left.BreakerOpen + right.BreakerOpen,
        left.NotificationsSuppressed + right.NotificationsSuppressed);

    /// <summary>Named alternative to <c>+</c>.</summary>
    public static MetricCounts Add(MetricCounts left, MetricCounts right) => left + right;

    /// <summary>The values in <see cref="ObservabilityNames.Metrics"/> order.</summary>
    public IReadOnlyList<int> InMetricOrder() => [FindingsSeen, Fixed, Tickets, AlreadyAllowed, Errors, BreakerOpen, NotificationsSuppressed];
}
