using Remediator.Core.Decisions;

namespace Remediator.Core.Engine;

/// <summary>
/// The findings of a batch that share one root-cause key, in batch order; the first one speaks for them
/// in notifications. <see cref="Settled"/> is set when the root cause is decided without a claim.
/// </summary>
internal sealed record RootCause(string? Key, IReadOnlyList<ResolvedFinding> Members, Decision? Settled = null)
{
    /// <summary>The first finding of the root cause.</summary>
    public ResolvedFinding Leader => Members[0];

    /// <summary>Log events the root cause stands for in this batch.</summary>
    public long Occurrences => Members.Sum(member => (long)Math.Max(1, member.Finding.Occurrences));
}
