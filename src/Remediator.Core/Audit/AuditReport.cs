namespace Remediator.Core.Audit;

/// <summary>What an audit found.</summary>
/// <param name="Entries">One per Lambda target of every stage audited, in API, stage, target order.</param>
/// <param name="Statements">Statements with Remediator ids on the functions those targets invoke.</param>
/// <param name="Notes">What could not be listed as an entry (a dangling route or authorizer, a stage without targets), for people.</param>
/// <param name="Apis">How many APIs were audited.</param>
/// <param name="Stages">How many stages were audited.</param>
/// <param name="ResumeAfter">When the audit stopped before the last API (its time was up): the sweep key of the last one audited.</param>
public sealed record AuditReport(
    IReadOnlyList<AuditEntry> Entries,
    IReadOnlyList<RemediatorStatement> Statements,
    IReadOnlyList<string> Notes,
    int Apis,
    int Stages,
    string? ResumeAfter = null)
{
    /// <summary>Function policies above 80% of Lambda's 20 KB limit, each with the consolidation Remediator proposes (advice only).</summary>
    public IReadOnlyList<PolicyFinding> PolicyFindings { get; init; } = [];

    /// <summary>Remediator's statements proven stale: <c>remediator revert --stale</c> removes them.</summary>
    public IReadOnlyList<RemediatorStatement> StaleStatements => [.. Statements.Where(s => s.Staleness?.IsStale == true)];

    /// <summary>True when any target fails as configured (see <see cref="AuditClassifier.Blocks"/>).</summary>
    public bool HasBlockingEntries => Entries.Any(e => AuditClassifier.Blocks(e.Status));
}
