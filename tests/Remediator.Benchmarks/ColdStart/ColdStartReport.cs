using System.Globalization;

namespace Remediator.Benchmarks.ColdStart;

/// <summary>Prints the cold-start table: medians, spread, ratios to the hello-world baseline.</summary>
internal static class ColdStartReport
{
    public static void Write(
        TextWriter output,
        IReadOnlyDictionary<ColdStartVariant, List<ColdStartSample>> samples,
        int runs,
        string loadBefore,
        string loadAfter)
    {
        var c = CultureInfo.InvariantCulture;
        ColdStartVariant baseline = samples.Keys.Single(v => v.IsBaseline);
        double baselinePoll = Percentiles.Median(Polls(samples[baseline]));
        double baselineResult = Percentiles.Median(Results(samples[baseline]));
        double baselineCpu = Percentiles.Median(Cpu(samples[baseline]));

        output.WriteLine();
        output.WriteLine(string.Create(c, $"Cold start on a loopback Runtime API fake: process start -> first GET /next (init done) and -> first post (response, error or init error) for the served invocation"));
        output.WriteLine(string.Create(c, $"(a CloudWatch Logs CONTROL_MESSAGE subscription payload); {runs} interleaved runs per variant after one warm-up round; {Environment.ProcessorCount} CPUs, load average {loadBefore} -> {loadAfter}."));
        output.WriteLine("CPU: user + system time of the process's live threads when its first post arrived (time spent waiting for a core is not in it).");
        output.WriteLine();
        output.WriteLine("| variant | package | first /next median (p10-p90) | first post median (p10-p90) | ratio to hello-world (/next, post) | CPU to first post median (p10-p90), ratio | posts |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach ((ColdStartVariant variant, List<ColdStartSample> list) in samples)
        {
            List<double> polls = Polls(list);
            List<double> results = Results(list);
            List<double> cpu = Cpu(list);
            string kinds = string.Join(", ", list.GroupBy(s => s.ResultKind).Select(g => $"{g.Count()} {g.Key}"));
            output.WriteLine(string.Create(c,
                $"| {variant.Name} | {variant.PackageBytes / 1e6:F1} MB | {Cell(polls)} | {Cell(results)} | "
                + $"{Ratio(polls, baselinePoll)}, {Ratio(results, baselineResult)} | {Cell(cpu)}, {Ratio(cpu, baselineCpu)} | {kinds} |"));
        }
    }

    private static List<double> Polls(List<ColdStartSample> list) =>
        [.. list.Where(s => s.FirstPollMs is not null).Select(s => s.FirstPollMs!.Value)];

    private static List<double> Results(List<ColdStartSample> list) =>
        [.. list.Where(s => s.FirstResultMs is not null).Select(s => s.FirstResultMs!.Value)];

    private static List<double> Cpu(List<ColdStartSample> list) =>
        [.. list.Where(s => s.CpuMs is not null).Select(s => s.CpuMs!.Value)];

    private static string Ratio(List<double> values, double baseline) =>
        values.Count == 0 || double.IsNaN(baseline)
            ? "n/a"
            : (Percentiles.Median(values) / baseline).ToString("F2", CultureInfo.InvariantCulture) + "x";

    private static string Cell(List<double> values) =>
        values.Count == 0
            ? "n/a"
            : $"{ColdStartHarness.Ms(Percentiles.Median(values))} ms ({ColdStartHarness.Ms(Percentiles.Of(values, 0.1))}-{ColdStartHarness.Ms(Percentiles.Of(values, 0.9))})";
}
