using System.Diagnostics;
using System.Globalization;
using Remediator.Sandbox;
using Remediator.Sandbox.Scenarios;

namespace Remediator.Benchmarks.Sweep;

/// <summary>
/// The sandbox of the sweep benchmark, in a process of its own so that the benchmark's memory figures are the sweep's
/// alone: <c>--sweep-sandbox rest stages methods http routes missingEvery</c> seeds the world with the quotas off, prints
/// <c>READY url topic seedSeconds</c>, then obeys stdin: <c>quotas on</c>, <c>quotas off</c>, <c>exit</c> (or end of input).
/// </summary>
internal static class SweepSandboxHost
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int[] n = [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))];
        var shape = new SweepWorldShape(n[0], n[1], n[2], n[3], n[4], n[5]);
        await using SandboxServer server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0, Seed = 2026 });
        var seeding = Stopwatch.StartNew();
        string topic = await SweepWorld.SeedAsync(server, shape, parallelism: 8, CancellationToken.None);
        Console.WriteLine(FormattableString.Invariant($"READY {server.BaseUrl} {topic} {seeding.Elapsed.TotalSeconds:0.0}"));
        while (await Console.In.ReadLineAsync() is { } line && line != "exit")
        {
            server.EmulateQuotas = line switch
            {
                "quotas on" => true,
                "quotas off" => false,
                _ => server.EmulateQuotas,
            };
            Console.WriteLine("ok");
        }

        return 0;
    }
}
