using System.Globalization;
using Remediator.Core.Diagnosis;

namespace Remediator.Cli.Output;

/// <summary>Renders findings as an aligned text table followed by where the batch's events went.</summary>
internal static class FindingTable
{
    private const string Absent = "-";

    private static readonly string[] Headers =
        ["KIND", "API TYPE", "API/STAGE", "METHOD/ROUTE", "PATH", "FUNCTION (HINT)", "COUNT", "FIRST SEEN (UTC)", "LAST SEEN (UTC)"];

    public static void Write(TextWriter output, DiagnosisResult result)
    {
        EventDispositions d = result.Dispositions;
        string accounting = string.Create(
            CultureInfo.InvariantCulture,
            $"{result.EventsRead} {(result.EventsRead == 1 ? "event" : "events")}: {d.Evidence} evidence, {d.Context} context, {d.Unrelated} unrelated, {d.Control} control{(d.Undecodable > 0 ? $", {d.Undecodable} undecodable" : string.Empty)}");
        if (result.Findings.Count == 0)
        {
            output.WriteLine($"No findings ({accounting}).");
            return;
        }

        string[][] rows = [Headers, .. result.Findings.Select(Row)];
        int[] widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }

        output.WriteLine();
        string noun = result.Findings.Count == 1 ? "finding" : "findings";
        output.WriteLine($"{result.Findings.Count.ToString(CultureInfo.InvariantCulture)} {noun} ({accounting}).");
    }

    private static string[] Row(Finding f) =>
    [
        f.Kind.ToString(),
        f.ApiType switch { ApiType.Rest => "REST", ApiType.Http => "HTTP", ApiType.WebSocket => "WEBSOCKET", _ => "UNKNOWN" },
        $"{f.ApiId ?? Absent}/{f.Stage ?? Absent}",
        f.RouteKey ?? f.HttpMethod ?? Absent,
        f.ResourcePath ?? Absent,
        f.FunctionArn ?? Absent,
        f.Occurrences.ToString(CultureInfo.InvariantCulture),
        Time(f.FirstTimestamp),
        Time(f.LastTimestamp),
    ];

    private static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
