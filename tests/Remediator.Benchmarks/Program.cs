using System.Globalization;
using BenchmarkDotNet.Running;

namespace Remediator.Benchmarks;

/// <summary>
/// <c>--compare-gzip [iterations]</c> times decode + diagnose against <c>gzip -dc</c> in one run and prints the
/// ratio; <c>--cold-start [runs]</c> publishes the function and times process start to first response
/// (<see cref="ColdStart.ColdStartHarness"/>); <c>--sweep</c> times the scheduled sweep of a seeded account under AWS's
/// quotas (<see cref="Sweep.SweepBenchmark"/>; <c>--sweep-sandbox</c> is its sandbox process); any other arguments go to BenchmarkDotNet (for example
/// <c>--filter * --job short</c>).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args is ["--cold-start", .. var runArgs])
        {
            int runs = runArgs is [var runCount] ? int.Parse(runCount, CultureInfo.InvariantCulture) : 20;
            return await ColdStart.ColdStartHarness.RunAsync(runs, Console.Out);
        }

        if (args is ["--sweep", .. var sweepArgs])
        {
            return await Sweep.SweepBenchmark.RunAsync(sweepArgs, Console.Out);
        }

        if (args is ["--sweep-sandbox", .. var hostArgs])
        {
            return await Sweep.SweepSandboxHost.RunAsync(hostArgs);
        }

        if (args is ["--compare-gzip", .. var rest])
        {
            int iterations = rest is [var count] ? int.Parse(count, CultureInfo.InvariantCulture) : 200;
            return GzipComparison.Run(iterations, Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
