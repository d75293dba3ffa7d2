namespace Remediator.Core.Audit;

/// <summary>The report, or why the request names nothing to audit (an unknown API or stage).</summary>
public sealed record AuditResult(AuditReport? Report, string? Problem)
{
    internal static AuditResult Of(AuditReport report) => new(report, null);

    internal static AuditResult Unknown(string problem) => new(null, problem);
}
