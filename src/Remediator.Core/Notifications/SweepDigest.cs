using Remediator.Core.Audit;
using Remediator.Core.Engine;

namespace Remediator.Core.Notifications;

/// <summary>What one scheduled sweep saw and did: its one notification says it (docs/ARCHITECTURE.md, "Healing ahead of failures").</summary>
/// <param name="EventId">The schedule's EventBridge event id.</param>
/// <param name="Time">When the schedule fired.</param>
/// <param name="AccountId">The account swept.</param>
/// <param name="Region">The region swept.</param>
/// <param name="Report">The audit of every API and stage.</param>
/// <param name="Outcomes">How each target no policy allowed ended (fixed, recommended, ticketed, held back by a cap).</param>
public sealed record SweepDigest(string EventId, DateTimeOffset Time, string AccountId, string Region, AuditReport Report, IReadOnlyList<EngineOutcome> Outcomes)
{
    /// <summary>The IAM alias of <see cref="AccountId"/>, when it could be read.</summary>
    public string? AccountAlias { get; init; }

    /// <summary>The sweep key of the API after which this run began (where the last run stopped); null when it began at the first.</summary>
    public string? StartedAfter { get; init; }

    /// <summary>How many outcomes ended as <paramref name="outcome"/>.</summary>
    public int Count(Decisions.RemediationOutcome outcome) => Outcomes.Count(o => o.Outcome == outcome);

    /// <summary>How many targets the audit gave <paramref name="status"/>.</summary>
    public int Count(AuditStatus status) => Report.Entries.Count(e => e.Status == status);
}
