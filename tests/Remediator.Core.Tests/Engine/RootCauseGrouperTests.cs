using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;

namespace Remediator.Core.Tests.Engine;

public class RootCauseGrouperTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 21, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Group_SameKey_OneRootCauseWithMembersInBatchOrder()
    {
        ResolvedFinding[] findings = [Resolved(0, "a"), Resolved(1, "b"), Resolved(2, "a")];

        IReadOnlyList<RootCause> rootCauses = RootCauseGrouper.Group(findings, cap: 10);

        Assert.Equal(["a", "b"], rootCauses.Select(r => r.Key));
        Assert.Equal([0, 2], rootCauses[0].Members.Select(m => m.Index));
        Assert.All(rootCauses, r => Assert.Null(r.Settled));
    }

    [Fact]
    public void Group_PastTheCap_TicketsWithoutTargetGoFirstToTheCap()
    {
        // Batch order: an unresolved ticket, then a permission failure: the permission failure keeps its place.
        ResolvedFinding[] findings =
        [
            Resolved(0, "unresolved-ticket") with { Ticket = Decision.Ticket(OutcomeReason.FunctionError, "x") },
            Resolved(1, "permission"),
        ];

        IReadOnlyList<RootCause> rootCauses = RootCauseGrouper.Group(findings, cap: 1);

        Assert.Equal(OutcomeReason.RootCauseCapReached, rootCauses[0].Settled?.Reason);
        Assert.Null(rootCauses[1].Settled);
    }

    [Fact]
    public void Group_FindingWithoutKey_IsABug() =>
        Assert.Throws<ArgumentException>(() => RootCauseGrouper.Group([ResolvedFinding.Unresolved(Finding(), 0)], cap: 1));

    [Fact]
    public void Settle_EachFindingItsOwnUnclaimedRootCause()
    {
        Decision foreign = Decision.Ignored(OutcomeReason.ForeignAccount, "x");

        IReadOnlyList<RootCause> rootCauses = RootCauseGrouper.Settle([Resolved(0, "a"), Resolved(1, "a")], foreign);

        Assert.Equal(2, rootCauses.Count);
        Assert.All(rootCauses, r => Assert.Equal((null, foreign), (r.Key, r.Settled)));
    }

    private static ResolvedFinding Resolved(int index, string key) => ResolvedFinding.Unresolved(Finding(), index, key);

    private static Finding Finding() => new(
        FindingKind.MissingInvokePermission, ApiType.Rest, "a1b2c3d4e5", "prod", "GET", "/pets", null, null, [], 1, Now, Now, []);
}
