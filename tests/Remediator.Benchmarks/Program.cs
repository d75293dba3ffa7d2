using System.Globalization;
using BenchmarkDotNet.Running;

namespace Remediator.Benchmarks;

/// <summary>
/// <c>--compare-gzip [iterations]</c> times decode + diagnose against <c>gzip -dc</c> in one run and prints the
/// ratio; any other arguments go to BenchmarkDotNet (for example <c>--filter * --job short</c>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["--compare-gzip", .. var rest])
        {
            int iterations = rest is [var count] ? int.Parse(count, CultureInfo.InvariantCulture) : 200;
            return GzipComparison.Run(iterations, Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
