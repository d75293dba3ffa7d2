using Remediator.Core.Revert;

namespace Remediator.Cli.Output;

/// <summary>The text form of <c>revert</c>: one line per statement, then a summary.</summary>
internal static class RevertText
{
    /// <param name="prefix">Written before each result and the summary: the account and region columns of <c>revert --accounts</c>.</param>
    public static void Write(TextWriter output, RevertReport report, string prefix = "")
    {
        foreach (RevertResult result in report.Results)
        {
            string function = result.Qualifier is null ? result.FunctionArn : $"{result.FunctionArn}:{result.Qualifier}";
            output.WriteLine($"{prefix}{result.Status,-12} {function}  {result.StatementId ?? "-"}");
            string ledger = result.Fingerprints.Count == 0 ? string.Empty
                : result.LedgerUpdated ? $"; ledger record {string.Join(", ", result.Fingerprints)} now says Reverted"
                : report.DryRun && result.Succeeded ? $"; ledger record {string.Join(", ", result.Fingerprints)} would be marked Reverted"
                : string.Empty;
            output.WriteLine($"  {result.Detail.ReplaceLineEndings(" ")}{ledger}");
        }

        string counts = string.Join(", ", report.Results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        string untouched = (report.Untouched == 0 ? string.Empty : $"; {report.Untouched} statement(s) Remediator did not add left untouched")
            + (report.InUse == 0 ? string.Empty : $"; {report.InUse} statement(s) still in use kept");
        output.WriteLine(prefix + (report.Results.Count == 0
            ? (report.InUse == 0 ? $"No statement Remediator added was found{untouched}." : $"No stale statement was found{untouched}.")
            : $"{report.Results.Count} statement(s): {counts}{untouched}.{(report.DryRun ? " Dry run: nothing was written." : string.Empty)}"));
    }
}
