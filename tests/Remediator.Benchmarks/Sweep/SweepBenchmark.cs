using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Quotas;
using Remediator.Core;
using Remediator.Core.Audit;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Ledger;
using Remediator.Sandbox.Scenarios;

namespace Remediator.Benchmarks.Sweep;

/// <summary>
/// <c>--sweep [--rest 200] [--stages 3] [--methods 10] [--http 50] [--routes 4] [--missing-every 50] [--share 0.5] [--only whole|slices]</c>:
/// the scheduled sweep of a seeded account against the sandbox with AWS's account quotas enforced (429 above them).
/// Two measurements on the same world: the whole audit through <see cref="Auditor"/> in one go (read-only), then the
/// sweep as the Lambda runs it for the schedule (<see cref="RemediationEngine"/>, 25 s of reads per run, the cursor in
/// the ledger), run after run until it has gone round. Each prints the calls per operation the sandbox counted (and the
/// 429s it sent), the wall time, its ratio to the least time the quotas allow for those calls (<see cref="QuotaMinimum"/>),
/// and this process's managed-heap and working-set peaks (the sandbox runs in a child process).
/// </summary>
internal static class SweepBenchmark
{
    private static readonly TimeSpan Refill = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        string Option(string name, string fallback)
        {
            int at = args.ToList().IndexOf(name);
            return at >= 0 && at + 1 < args.Count ? args[at + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var shape = new SweepWorldShape(Number("--rest", 200), Number("--stages", 3), Number("--methods", 10), Number("--http", 50), Number("--routes", 4), Number("--missing-every", 50));
        double share = double.Parse(Option("--share", AwsQuotas.DefaultShare.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        string only = Option("--only", "both");

        output.WriteLine(FormattableString.Invariant(
            $"World: {shape.RestApis} REST APIs x {shape.Stages} stages x {shape.MethodsPerApi} methods + {shape.HttpApis} HTTP APIs x {shape.RoutesPerHttpApi} routes = {shape.StageCount} stages, {shape.Targets} Lambda targets ({shape.MissingTargets} without permission)."));
        output.WriteLine(FormattableString.Invariant($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(IsRelease ? "Release" : "Debug")}; Remediator takes {share} of each quota."));
        await using var sandbox = await SandboxProcess.StartAsync(shape);
        output.WriteLine(FormattableString.Invariant($"Seeded in {sandbox.SeedSeconds:0.0} s (quotas off, not measured)."));

        var environment = AwsEnvironment.FromDictionary(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = sandbox.Url.ToString().TrimEnd('/'),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
        });
        using AwsClients clients = AwsClients.Create(
            environment,
            new AwsClientSettings { Credentials = new EnvironmentCredentialsProvider(environment), Quotas = new AwsQuotas(TimeProvider.System, share) });
        await sandbox.CommandAsync("quotas on");
        await Task.Delay(Refill);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        output.WriteLine(FormattableString.Invariant($"Before the sweep: managed heap {Mb(GC.GetTotalMemory(false))}, working set {Mb(Environment.WorkingSet)}."));

        var results = new List<Measurement>();
        if (only is "both" or "whole")
        {
            results.Add(await MeasureAsync("whole audit (Auditor, one pass)", sandbox, share, () => WholeAsync(clients, sandbox)));
            await Task.Delay(Refill);
        }

        if (only is "both" or "slices")
        {
            results.Add(await MeasureAsync("sweep (engine, 25 s slices)", sandbox, share, () => SlicesAsync(clients, sandbox)));
        }

        foreach (Measurement m in results)
        {
            Print(output, m, shape, share);
        }

        await sandbox.CommandAsync("quotas off");
        return results.All(m => m.Throttled == 0 && m.Outcome.Targets == shape.Targets) ? 0 : 1;
    }

    private static bool IsRelease => typeof(SweepBenchmark).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration == "Release";

    private static async Task<Measurement> MeasureAsync(string name, SandboxProcess sandbox, double share, Func<Task<SweepOutcome>> run)
    {
        (Dictionary<string, long> before, sandbox.DigestsBefore) = await sandbox.SnapshotAsync();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        SweepOutcome outcome = await run();
        clock.Stop();
        (long heapPeak, long workingSetPeak) = sampler.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        (Dictionary<string, long> after, _) = await sandbox.SnapshotAsync();
        Dictionary<string, long> calls = after
            .Select(p => (p.Key, Count: p.Value - before.GetValueOrDefault(p.Key)))
            .Where(p => p.Count > 0)
            .ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal);
        outcome = outcome with { Targets = outcome.Targets >= 0 ? outcome.Targets : await sandbox.DigestTargetsAsync() };
        return new Measurement(name, clock.Elapsed, calls, outcome, heapPeak, workingSetPeak, allocated);
    }

    private static async Task<SweepOutcome> WholeAsync(AwsClients clients, SandboxProcess sandbox)
    {
        Result<AuditReport, string> audited = await new Auditor(clients.ApiGateway, clients.ApiGatewayV2, clients.Lambda)
            .AuditAsync(new AuditRequest(sandbox.AccountId, "us-east-1"), CancellationToken.None);
        AuditReport report = audited.IsSuccess ? audited.Value : throw new InvalidOperationException(audited.Error);
        return new SweepOutcome(
            1, TimeSpan.Zero, report.Entries.Count, report.Stages, report.Entries.Count(e => e.Status == AuditStatus.Missing), "read-only");
    }

    private static async Task<SweepOutcome> SlicesAsync(AwsClients clients, SandboxProcess sandbox)
    {
        var ledger = new InMemoryLedger(TimeProvider.System);
        var engine = new RemediationEngine(
            new EngineDependencies
            {
                Lambda = clients.Lambda,
                RestApis = clients.ApiGateway,
                V2Apis = clients.ApiGatewayV2,
                Logs = clients.Logs,
                Notifications = clients.Sns,
                Ledger = ledger,
            },
            new RemediatorSettings { Mode = RemediatorMode.Enforce, TopicArn = sandbox.Topic, SettleDelay = TimeSpan.Zero },
            new EngineOptions { AccountId = sandbox.AccountId, Region = "us-east-1" });
        int runs = 0;
        var ended = new SortedDictionary<string, int>(StringComparer.Ordinal);
        TimeSpan longest = TimeSpan.Zero;
        do
        {
            runs++;
            string schedule = $"{{\"version\":\"0\",\"id\":\"bench-{runs}\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"{sandbox.AccountId}\","
                + "\"time\":\"2026-12-03T18:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}";
            var run = Stopwatch.StartNew();
            EngineResult result = await engine.ProcessAsync(schedule, $"bench-{runs}", CancellationToken.None);
            longest = run.Elapsed > longest ? run.Elapsed : longest;
            foreach (EngineOutcome outcome in result.Outcomes.Where(o => o.Reason != OutcomeReason.NothingToFix))
            {
                string kind = $"{outcome.Outcome}({outcome.Reason})";
                ended[kind] = ended.GetValueOrDefault(kind) + 1;
            }
        }
        while (await ledger.GetSweepCursorAsync(CancellationToken.None) is not null && runs < 10_000);

        return new SweepOutcome(runs, longest, -1, -1, -1, string.Join(", ", ended.Select(e => $"{e.Value} {e.Key}")));
    }

    private static void Print(TextWriter output, Measurement m, SweepWorldShape shape, double share)
    {
        Dictionary<AccountQuota, long> perQuota = QuotaMinimum.CallsPerQuota(m.Calls);
        TimeSpan awsMinimum = QuotaMinimum.Of(perQuota, 1);
        TimeSpan ownMinimum = QuotaMinimum.Of(perQuota, share);
        output.WriteLine();
        output.WriteLine($"== {m.Name} ==");
        output.WriteLine($"{"Operation",-36} {"Calls",8} {"429s",6}");
        foreach ((string key, long count) in m.Calls.Where(c => !c.Key.StartsWith("throttled:", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine(FormattableString.Invariant($"{key,-36} {count,8} {m.Calls.GetValueOrDefault("throttled:" + key),6}"));
        }

        output.WriteLine(FormattableString.Invariant($"{"total",-36} {m.Calls.Where(c => !c.Key.StartsWith("throttled:", StringComparison.Ordinal)).Sum(c => c.Value),8} {m.Throttled,6}"));
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"{"Quota",-28} {"Calls",7} {"AWS rate",-20} {"min",8} {"Remediator's share",-20} {"min",8}"));
        foreach (AccountQuota quota in QuotaMinimum.Quotas)
        {
            output.WriteLine(FormattableString.Invariant(
                $"{quota.Name,-28} {perQuota[quota],7} {QuotaMinimum.Describe(quota, 1),-20} {QuotaMinimum.Seconds(quota, 1, perQuota[quota]).TotalSeconds,7:0.0}s {QuotaMinimum.Describe(quota, share),-20} {QuotaMinimum.Seconds(quota, share, perQuota[quota]).TotalSeconds,7:0.0}s"));
        }

        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"Wall time                     {m.Wall.TotalSeconds,8:0.0} s"));
        output.WriteLine(FormattableString.Invariant($"Minimum at Remediator's share {ownMinimum.TotalSeconds,8:0.0} s   ratio {m.Wall / ownMinimum,5:0.00}x   (goal <= 1.2x)"));
        output.WriteLine(FormattableString.Invariant($"Minimum at AWS's full quota   {awsMinimum.TotalSeconds,8:0.0} s   ratio {m.Wall / awsMinimum,5:0.00}x   ({(share < 1 ? $"Remediator leaves {1 - share:0.##} of each quota to the account" : "Remediator takes the whole quota")})"));
        output.WriteLine(FormattableString.Invariant($"Throttled (429s sent)         {m.Throttled,8}"));
        output.WriteLine(FormattableString.Invariant(
            $"Targets judged                {m.Outcome.Targets,8} of {shape.Targets}{(m.Outcome.Missing >= 0 ? $", {m.Outcome.Missing} missing a permission" : string.Empty)}"));
        if (m.Outcome.Runs > 1 || m.Outcome.Longest > TimeSpan.Zero)
        {
            output.WriteLine(FormattableString.Invariant($"Runs (slices)                 {m.Outcome.Runs,8}, longest {m.Outcome.Longest.TotalSeconds:0.0} s; outcomes: {m.Outcome.Ended}"));
        }

        output.WriteLine(FormattableString.Invariant($"Managed heap peak             {Mb(m.HeapPeak),8}   (sampled every 10 ms; {Mb(m.Allocated)} allocated in all)"));
        output.WriteLine(FormattableString.Invariant($"Working set peak              {Mb(m.WorkingSetPeak),8}   (this process; the sandbox runs in another)"));
    }

    private static string Mb(long bytes) => FormattableString.Invariant($"{bytes / 1048576d:0.0} MB");

    private sealed record SweepOutcome(int Runs, TimeSpan Longest, int Targets, int Stages, int Missing, string Ended);

    private sealed record Measurement(string Name, TimeSpan Wall, Dictionary<string, long> Calls, SweepOutcome Outcome, long HeapPeak, long WorkingSetPeak, long Allocated)
    {
        public long Throttled => Calls.Where(c => c.Key.StartsWith("throttled:", StringComparison.Ordinal)).Sum(c => c.Value);
    }

    /// <summary>Samples this process's managed heap and working set until stopped; the peaks seen.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task sampling;
        private long heap;
        private long workingSet;

        public MemorySampler() => sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Sample();
                await Task.Delay(10, CancellationToken.None);
            }
        });

        public (long Heap, long WorkingSet) Stop()
        {
            stop.Cancel();
            sampling.GetAwaiter().GetResult();
            Sample();
            return (heap, workingSet);
        }

        public void Dispose() => stop.Dispose();

        private void Sample()
        {
            heap = Math.Max(heap, GC.GetTotalMemory(false));
            workingSet = Math.Max(workingSet, Environment.WorkingSet);
        }
    }

    /// <summary>The child process that hosts the seeded sandbox (<see cref="SweepSandboxHost"/>).</summary>
    private sealed class SandboxProcess : IAsyncDisposable
    {
        private static readonly HttpClient Admin = new() { Timeout = TimeSpan.FromMinutes(2) };
        private readonly Process process;

        private SandboxProcess(Process process, Uri url, string topic, double seedSeconds)
        {
            this.process = process;
            Url = url;
            Topic = topic;
            SeedSeconds = seedSeconds;
        }

        public Uri Url { get; }

        public string Topic { get; }

        public double SeedSeconds { get; }

        public string AccountId => Remediator.Sandbox.SandboxOptions.DefaultAccountId;

        public int DigestsBefore { get; set; }

        public static async Task<SandboxProcess> StartAsync(SweepWorldShape shape)
        {
            string self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(typeof(SweepBenchmark).Assembly.Location);
            }

            start.ArgumentList.Add("--sweep-sandbox");
            foreach (int n in new[] { shape.RestApis, shape.Stages, shape.MethodsPerApi, shape.HttpApis, shape.RoutesPerHttpApi, shape.MissingEvery })
            {
                start.ArgumentList.Add(n.ToString(CultureInfo.InvariantCulture));
            }

            Process process = Process.Start(start)!;
            string ready = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The sandbox process ended before it was seeded.");
            string[] parts = ready.Split(' ');
            return parts is ["READY", var url, var topic, var seconds]
                ? new SandboxProcess(process, new Uri(url), topic, double.Parse(seconds, CultureInfo.InvariantCulture))
                : throw new InvalidOperationException("The sandbox process said: " + ready);
        }

        public async Task CommandAsync(string command)
        {
            await process.StandardInput.WriteLineAsync(command);
            await process.StandardInput.FlushAsync();
            if (await process.StandardOutput.ReadLineAsync() != "ok")
            {
                throw new InvalidOperationException($"The sandbox process did not acknowledge \"{command}\".");
            }
        }

        /// <summary>Requests per <c>service:Operation</c> the sandbox counted (<c>throttled:</c> ones too), and SNS messages so far.</summary>
        public async Task<(Dictionary<string, long> Counts, int Messages)> SnapshotAsync()
        {
            using JsonDocument state = await StateAsync();
            return (
                state.RootElement.GetProperty("requestCounts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal),
                state.RootElement.GetProperty("snsMessages").GetArrayLength());
        }

        /// <summary>Targets the digests published since <see cref="DigestsBefore"/> say their runs audited.</summary>
        public async Task<int> DigestTargetsAsync()
        {
            using JsonDocument state = await StateAsync();
            int targets = 0;
            foreach (JsonElement message in state.RootElement.GetProperty("snsMessages").EnumerateArray().Skip(DigestsBefore))
            {
                using JsonDocument document = JsonDocument.Parse(message.GetProperty("messages").GetProperty("sqs").GetString()!);
                targets += document.RootElement.GetProperty("digest").GetProperty("targets").GetInt32();
            }

            return targets;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await process.StandardInput.WriteLineAsync("exit");
                await process.StandardInput.FlushAsync();
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }

        private async Task<JsonDocument> StateAsync()
        {
            await using Stream body = await Admin.GetStreamAsync(new Uri(Url, "_sandbox/state"));
            return await JsonDocument.ParseAsync(body);
        }
    }
}
