using System.Globalization;
using Remediator.Cli.Operator;
using Remediator.Core.Audit;
using Remediator.Core.Tickets;

namespace Remediator.Cli.Output;

/// <summary>
/// The text form of <c>audit --accounts</c>: one table of every target with ACCOUNT and REGION columns (a failed account
/// is a <c>Failed</c> row with its error), detail and fix indented under what needs attention; then Remediator's
/// statements and the notes, each naming its account and region; then one summary line per account × region and a total.
/// </summary>
internal static class AccountsAuditText
{
    private static readonly string[] Headers = ["ACCOUNT", "REGION", "STATUS", "API/STAGE", "TYPE", "TARGET", "FUNCTION"];

    public static void Write(TextWriter output, IReadOnlyList<TargetRun<AccountAudit>> runs, bool resolveTickets)
    {
        var rows = new List<(string[] Cells, IReadOnlyList<string> Indented)>();
        foreach (TargetRun<AccountAudit> run in runs)
        {
            if (run.Value is not { Report: var report })
            {
                rows.Add(([run.Account, run.Region, "Failed", "-", "-", "-", "-"], [$"error: {run.Error?.ReplaceLineEndings(" ")}"]));
                continue;
            }

            foreach (AuditEntry entry in report.Entries)
            {
                var indented = new List<string>();
                if (entry.Status != AuditStatus.Allowed)
                {
                    indented.Add(entry.Detail.ReplaceLineEndings(" "));
                }

                if (entry.Grant is { } grant)
                {
                    indented.Add($"fix: {grant.ToAddPermissionCommand()} --region {run.Region}");
                }

                rows.Add(([run.Account, run.Region, entry.Status.ToString(), $"{entry.ApiId}/{entry.Stage}", AuditText.TypeName(entry.ApiType), entry.Target, entry.FunctionArn ?? "-"], indented));
            }
        }

        int[] widths = [.. Enumerable.Range(0, Headers.Length).Select(c => rows.Select(r => r.Cells[c].Length).Append(Headers[c].Length).Max())];
        output.WriteLine(Line(Headers, widths));
        foreach ((string[] cells, IReadOnlyList<string> indented) in rows)
        {
            output.WriteLine(Line(cells, widths));
            foreach (string line in indented)
            {
                output.WriteLine($"  {line}");
            }
        }

        List<(TargetRun<AccountAudit> Run, RemediatorStatement Statement)> statements =
            [.. runs.Where(r => r.Value is not null).SelectMany(r => r.Value!.Report.Statements.Select(s => (r, s)))];
        if (statements.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Statements Remediator added (remediator revert --accounts removes them):");
            foreach ((TargetRun<AccountAudit> run, RemediatorStatement statement) in statements)
            {
                string function = statement.Qualifier is null ? statement.FunctionArn : $"{statement.FunctionArn}:{statement.Qualifier}";
                output.WriteLine($"  {run.Account}  {run.Region}  {function}  {statement.StatementId}  {statement.SourceArn ?? "-"}");
                if (statement.Refusal is { } refusal)
                {
                    output.WriteLine($"    not Remediator's shape, revert refuses it: {refusal}");
                }

                AuditText.WriteStaleness(output, statement);
            }
        }

        AuditText.WritePolicyFindings(output, [.. runs.Where(r => r.Value is not null).SelectMany(r => r.Value!.Report.PolicyFindings.Select(f => ($"{r.Account}  {r.Region}  ", f)))]);

        List<string> notes = [.. runs.Where(r => r.Value is not null).SelectMany(r => r.Value!.Report.Notes.Select(n => $"note: {r.Account} {r.Region}: {n}"))];
        if (notes.Count > 0)
        {
            output.WriteLine();
            notes.ForEach(output.WriteLine);
        }

        if (resolveTickets)
        {
            List<(TargetRun<AccountAudit> Run, ResolvedTicket Ticket)> resolved = [.. runs.SelectMany(r => (r.Value?.Resolved ?? []).Select(t => (r, t)))];
            output.WriteLine();
            output.WriteLine(resolved.Count == 0 ? "No open Remediator OpsItem is about a target found allowed." : "OpsItems resolved (their targets are allowed now):");
            foreach ((TargetRun<AccountAudit> run, ResolvedTicket ticket) in resolved)
            {
                output.WriteLine($"  {run.Account}  {run.Region}  {ticket.OpsItemId}  {ticket.Entry.ApiId}/{ticket.Entry.Stage}  {ticket.Entry.Target}  {ticket.Entry.FunctionArn ?? "-"}");
            }
        }

        output.WriteLine();
        foreach (TargetRun<AccountAudit> run in runs)
        {
            output.WriteLine(run.Value is { Report: var report }
                ? $"{run.Account} {run.Region}: {Summary(report.Entries)} in {report.Apis} API(s), {report.Stages} stage(s)."
                : $"{run.Account} {run.Region}: failed (exit {run.ExitCode}).");
        }

        int failed = runs.Count(r => r.Value is null);
        List<AuditEntry> all = [.. runs.Where(r => r.Value is not null).SelectMany(r => r.Value!.Report.Entries)];
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{runs.Count} account-region(s): {runs.Count - failed} audited, {failed} failed; {Summary(all)}."));
    }

    private static string Summary(IReadOnlyCollection<AuditEntry> entries)
    {
        string counts = string.Join(", ", entries.GroupBy(e => e.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        return string.Create(CultureInfo.InvariantCulture, $"{entries.Count} Lambda target(s){(counts.Length == 0 ? string.Empty : $" ({counts})")}");
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, c) => c == cells.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd();
}
