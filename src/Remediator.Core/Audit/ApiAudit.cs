namespace Remediator.Core.Audit;

/// <summary>What the audit of one API found.</summary>
/// <param name="Stages">How many of its stages were audited.</param>
/// <param name="Entries">One per Lambda target of those stages, in stage, target order.</param>
/// <param name="Notes">What could not be listed as an entry, in the order found.</param>
internal sealed record ApiAudit(int Stages, IReadOnlyList<AuditEntry> Entries, IReadOnlyList<string> Notes);
