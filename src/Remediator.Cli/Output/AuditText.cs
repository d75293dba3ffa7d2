using System.Globalization;
using Remediator.Core.Audit;
using Remediator.Core.Diagnosis;
using Remediator.Core.Tickets;

namespace Remediator.Cli.Output;

/// <summary>The text form of <c>audit</c>: one line per target (detail and fix indented under what needs attention), Remediator's statements, notes, a summary.</summary>
internal static class AuditText
{
    public static void Write(TextWriter output, AuditReport report, IReadOnlyList<ResolvedTicket>? resolved = null)
    {
        foreach (AuditEntry entry in report.Entries)
        {
            output.WriteLine($"{entry.Status,-16} {entry.ApiId}/{entry.Stage}  {TypeName(entry.ApiType)}  {entry.Target}  {entry.FunctionArn ?? "-"}");
            if (entry.Status != AuditStatus.Allowed)
            {
                output.WriteLine($"  {entry.Detail.ReplaceLineEndings(" ")}");
            }

            if (entry.Grant is { } grant)
            {
                output.WriteLine($"  fix: {grant.ToAddPermissionCommand()}");
            }
        }

        if (report.Statements.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Statements Remediator added (remediator revert removes them):");
            foreach (RemediatorStatement statement in report.Statements)
            {
                string function = statement.Qualifier is null ? statement.FunctionArn : $"{statement.FunctionArn}:{statement.Qualifier}";
                output.WriteLine($"  {function}  {statement.StatementId}  {statement.SourceArn ?? "-"}");
                if (statement.Refusal is { } refusal)
                {
                    output.WriteLine($"    not Remediator's shape, revert refuses it: {refusal}");
                }

                WriteStaleness(output, statement);
            }
        }

        WritePolicyFindings(output, [.. report.PolicyFindings.Select(f => (string.Empty, f))]);

        if (report.Notes.Count > 0)
        {
            output.WriteLine();
            foreach (string note in report.Notes)
            {
                output.WriteLine($"note: {note}");
            }
        }

        if (resolved is not null)
        {
            output.WriteLine();
            output.WriteLine(resolved.Count == 0 ? "No open Remediator OpsItem is about a target found allowed." : "OpsItems resolved (their targets are allowed now):");
            foreach (ResolvedTicket ticket in resolved)
            {
                output.WriteLine($"  {ticket.OpsItemId}  {ticket.Entry.ApiId}/{ticket.Entry.Stage}  {ticket.Entry.Target}  {ticket.Entry.FunctionArn ?? "-"}");
            }
        }

        string counts = string.Join(", ", report.Entries.GroupBy(e => e.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Entries.Count} Lambda target(s) in {report.Apis} API(s), {report.Stages} stage(s){(counts.Length == 0 ? "." : $": {counts}.")}"));
    }

    /// <summary>The line under a statement saying it is stale (or cannot be proven so); nothing when it is in use or was not judged.</summary>
    public static void WriteStaleness(TextWriter output, RemediatorStatement statement)
    {
        if (statement.Staleness is { Status: not StalenessStatus.InUse } staleness)
        {
            output.WriteLine(staleness.IsStale
                ? $"    stale, remediator revert --stale removes it: {staleness.Detail}"
                : $"    {staleness.Detail}");
        }
    }

    /// <summary>The policies near Lambda's limit, each after <c>prefix</c> (the account and region in an account-wide audit), with the proposal.</summary>
    public static void WritePolicyFindings(TextWriter output, IReadOnlyList<(string Prefix, PolicyFinding Finding)> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"Policies above 80% of Lambda's {PolicyLimits.PolicySizeLimitBytes}-byte limit (advice; nothing is changed):");
        foreach ((string prefix, PolicyFinding finding) in findings)
        {
            string function = finding.Qualifier is null ? finding.FunctionArn : $"{finding.FunctionArn}:{finding.Qualifier}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {prefix}{function}  {finding.SizeBytes} bytes ({finding.PercentOfLimit}%), {finding.Statements} statement(s)"));
            output.WriteLine($"    {finding.Detail}");
            if (finding.Proposal is { } proposal)
            {
                output.WriteLine($"    merges: {string.Join(", ", proposal.MergedStatementIds)}");
                foreach (string statement in proposal.MergedStatements)
                {
                    output.WriteLine($"    into: {statement}");
                }

                output.WriteLine($"    apply (replaces the whole policy, only at revision {proposal.RevisionId}): {proposal.Command}");
            }
        }
    }

    public static string TypeName(ApiType type) => type switch
    {
        ApiType.Rest => "REST",
        ApiType.Http => "HTTP",
        ApiType.WebSocket => "WEBSOCKET",
        _ => "UNKNOWN",
    };
}
