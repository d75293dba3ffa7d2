using Remediator.Core.Decisions;

namespace Remediator.Core.Engine;

/// <summary>Groups resolved findings into root causes by key, in batch order, and applies the root-cause cap (pure).</summary>
internal static class RootCauseGrouper
{
    /// <summary>
    /// One root cause per distinct key; a refused finding is a root cause of its own, settled by its refusal and
    /// never claimed; past <paramref name="cap"/> the rest are settled as ignored.
    /// </summary>
    public static IReadOnlyList<RootCause> Group(IReadOnlyList<ResolvedFinding> findings, int cap)
    {
        var order = new List<RootCause>();
        var members = new Dictionary<string, List<ResolvedFinding>>(StringComparer.Ordinal);
        foreach (ResolvedFinding finding in findings)
        {
            if (finding.Refusal is { } refusal)
            {
                order.Add(new RootCause(null, [finding], refusal));
                continue;
            }

            string key = finding.Key ?? throw new ArgumentException("Every finding that goes on has a key.", nameof(findings));
            if (!members.TryGetValue(key, out List<ResolvedFinding>? list))
            {
                members.Add(key, list = []);
                order.Add(new RootCause(key, list));
            }

            list.Add(finding);
        }

        return ApplyCap(order.ToArray(), cap);
    }

    /// <summary>Each finding its own root cause, settled by <paramref name="decision"/> and never claimed (another account's logs).</summary>
    public static IReadOnlyList<RootCause> Settle(IReadOnlyList<ResolvedFinding> findings, Decision decision) =>
        findings.Select(finding => new RootCause(null, [finding], decision)).ToArray();

    // Failures a grant may fix come first, then tickets of a resolved target, then the rest: their number
    // is bounded by the APIs' configuration, while unresolved findings (one per random path) are not, and
    // must not crowd out a permission failure batch after batch (docs/ARCHITECTURE.md, "Caps").
    private static IReadOnlyList<RootCause> ApplyCap(RootCause[] rootCauses, int cap)
    {
        var beyond = new HashSet<RootCause>(rootCauses.Where(r => r.Settled is null).OrderBy(Rank).Skip(cap), ReferenceEqualityComparer.Instance);
        if (beyond.Count == 0)
        {
            return rootCauses;
        }

        Decision capped = Decision.Ignored(
            OutcomeReason.RootCauseCapReached,
            $"this invocation already took on {cap} distinct root causes, its cap; a later batch that shows this failure again takes it up");
        return rootCauses.Select(rootCause => beyond.Contains(rootCause) ? rootCause with { Settled = capped } : rootCause).ToArray();
    }

    private static int Rank(RootCause rootCause) =>
        rootCause.Leader.Ticket is null ? 0 : rootCause.Leader.Target is not null ? 1 : 2;
}
