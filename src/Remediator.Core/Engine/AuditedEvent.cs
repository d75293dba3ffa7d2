using Remediator.Core.Audit;

namespace Remediator.Core.Engine;

/// <summary>What the audit an EventBridge event asked for found, and the findings of its targets that no policy allows.</summary>
/// <param name="Report">The read-only audit (every target of every stage audited).</param>
/// <param name="Findings">One per <see cref="AuditStatus.Missing"/> target, resolved, in report order.</param>
/// <param name="StartedAfter">A sweep that went on from where the last one stopped: that API's sweep key.</param>
internal sealed record AuditedEvent(AuditReport Report, IReadOnlyList<ResolvedFinding> Findings, string? StartedAfter = null);
