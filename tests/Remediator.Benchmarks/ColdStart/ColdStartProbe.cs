using System.Diagnostics;
using System.Globalization;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Benchmarks.ColdStart;

/// <summary>Starts one program as its own process against a fresh Runtime API fake that has one
/// invocation waiting, and times the first poll and the first post.</summary>
internal static class ColdStartProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<ColdStartSample> MeasureAsync(
        ColdStartVariant variant, IReadOnlyDictionary<string, string> environment, string payload)
    {
        await using RuntimeApiFake fake = await RuntimeApiFake.StartAsync();
        FakeInvocation invocation = fake.Enqueue(payload, DateTimeOffset.UtcNow.AddMinutes(5));
        ProcessStartInfo start = StartInfo(variant, environment, fake.Address);

        long started = Stopwatch.GetTimestamp();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {variant.FileName}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Task<double> poll = ElapsedWhenDone(fake.WaitForFirstPollAsync(Patience), started);
            Task<RuntimeApiResult> response = fake.WaitForResultAsync(invocation.RequestId, Patience);
            Task<RuntimeApiResult> initError = fake.WaitForInitErrorAsync(Patience);
            Task first = await Task.WhenAny(response, initError);
            double? resultMs = first.IsCompletedSuccessfully ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : null;

            // Read now: after its post the program only waits on the next poll, so this is its cost to respond.
            double? cpuMs = first.IsCompletedSuccessfully ? CpuMilliseconds(process.Id) : null;
            string kind = first.IsCompletedSuccessfully
                ? first == initError ? "init error" : response.Result.IsError ? "error" : "response"
                : "none";
            double? pollMs = poll.IsCompletedSuccessfully ? poll.Result : null;
            return new ColdStartSample(pollMs, resultMs, kind, cpuMs);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    // Sum of /proc/<pid>/task/<tid>/schedstat's first field (nanoseconds on a CPU) over the live threads.
    private static double? CpuMilliseconds(int pid)
    {
        string tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            return null;
        }

        long nanoseconds = 0;
        foreach (string thread in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                string schedstat = File.ReadAllText(Path.Combine(thread, "schedstat"));
                nanoseconds += long.Parse(schedstat.AsSpan(0, schedstat.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return nanoseconds / 1e6;
    }

    private static async Task<double> ElapsedWhenDone(Task task, long started)
    {
        await task;
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static ProcessStartInfo StartInfo(ColdStartVariant variant, IReadOnlyDictionary<string, string> environment, string runtimeApi)
    {
        var start = new ProcessStartInfo(variant.FileName)
        {
            WorkingDirectory = variant.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in variant.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what a Lambda environment would set: nothing from the developer's AWS or Remediator setup.
        foreach (string key in start.Environment.Keys
            .Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("REMEDIATOR_", StringComparison.Ordinal)
                || k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("_X_AMZN", StringComparison.Ordinal))
            .ToList())
        {
            start.Environment.Remove(key);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        return start;
    }
}
