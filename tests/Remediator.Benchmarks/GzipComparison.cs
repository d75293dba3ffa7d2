using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Emulation.Intake;

namespace Remediator.Benchmarks;

/// <summary>
/// Times decode + diagnose of the realistic batch against <c>gzip -dc</c> on the very same compressed bytes,
/// in one run, interleaving the two so machine load affects both alike. Prints throughput, allocations and ratios.
/// </summary>
internal static class GzipComparison
{
    private const int Rounds = 5;
    private const int MembersPerStream = 50;

    public static int Run(int iterations, TextWriter output)
    {
        LogBatch batch = RealisticBatch.Create();
        byte[] message = SubscriptionPayloadEncoder.EncodeMessage(batch);
        byte[] gzip = SubscriptionPayloadEncoder.EncodeCompressed(batch);
        byte[] payload = Encoding.UTF8.GetBytes(SubscriptionPayloadEncoder.EncodePayload(batch));
        long logText = batch.LogEvents.Sum(e => (long)Encoding.UTF8.GetByteCount(e.Message));

        string directory = Directory.CreateTempSubdirectory("remediator-bench-").FullName;
        try
        {
            string single = Path.Combine(directory, "batch.gz");
            string repeated = Path.Combine(directory, "batch-x50.gz");
            string empty = Path.Combine(directory, "tiny.gz");
            File.WriteAllBytes(single, gzip);
            File.WriteAllBytes(repeated, Enumerable.Repeat(gzip, MembersPerStream).SelectMany(b => b).ToArray());
            File.WriteAllBytes(empty, Compress("x"u8.ToArray()));
            if (!GzipReproduces(single, message))
            {
                output.WriteLine("gzip -dc did not reproduce the message JSON; is gzip installed?");
                return 1;
            }

            DiagnosisResult result = Pipeline.Run(payload);
            for (int i = 0; i < Math.Max(20, iterations / 10); i++)
            {
                Pipeline.Run(payload);
            }

            int perRound = Math.Max(1, iterations / Rounds);
            var ours = new List<double>();
            var gzipPerProcess = new List<double>();
            var gzipStartup = new List<double>();
            var gzipDecompressOnly = new List<double>();
            long allocated = 0;
            for (int round = 0; round < Rounds; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                ours.AddRange(TimePipeline(payload, perRound));
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                gzipPerProcess.Add(TimeShellLoop($"gzip -dc '{single}' > /dev/null", perRound) / perRound);
                gzipStartup.Add(TimeShellLoop($"gzip -dc '{empty}' > /dev/null", perRound) / perRound);
                gzipDecompressOnly.Add(TimeShellLoop($"gzip -dc '{repeated}' > /dev/null", 1) / MembersPerStream);
            }

            double oursMedian = Median(ours);
            double gzipMedian = Median(gzipPerProcess);
            double startupMedian = Median(gzipStartup);
            double decompressMedian = Median(gzipDecompressOnly);
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"Batch: {batch.LogEvents.Count:N0} events, {logText:N0} bytes of log text, {message.Length:N0} bytes of message JSON, {gzip.Length:N0} bytes gzip, {payload.Length:N0} bytes payload"));
            output.WriteLine(string.Create(c, $"Findings: {result.Findings.Count} ({string.Join(", ", result.Findings.GroupBy(f => f.Kind).Select(g => $"{g.Key}: {g.Count()} root causes, {g.Sum(f => f.Occurrences)} requests"))})"));
            output.WriteLine(string.Create(c, $"Remediator decode + diagnose: median {oursMedian:F2} ms/batch (p10 {Percentile(ours, 0.1):F2}, p90 {Percentile(ours, 0.9):F2}; {ours.Count} runs)"));
            output.WriteLine(string.Create(c, $"  throughput: {logText / 1e6 / (oursMedian / 1e3):F0} MB/s of log text, {message.Length / 1e6 / (oursMedian / 1e3):F0} MB/s of message JSON, {batch.LogEvents.Count / oursMedian:N0} events/ms"));
            output.WriteLine(string.Create(c, $"  allocated: {allocated / (double)ours.Count / 1e6:F2} MB/batch"));
            output.WriteLine(string.Create(c, $"gzip -dc, one process per batch: median {gzipMedian:F2} ms/batch (of which process start-up about {startupMedian:F2} ms)"));
            output.WriteLine(string.Create(c, $"gzip -dc, decompression only ({MembersPerStream} batches in one process): median {decompressMedian:F2} ms/batch"));
            output.WriteLine(string.Create(c, $"Ratio decode+diagnose / gzip -dc (per process):     {oursMedian / gzipMedian:F2}x (target <= 2x)"));
            output.WriteLine(string.Create(c, $"Ratio decode+diagnose / gzip decompression alone:  {oursMedian / decompressMedian:F2}x"));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<double> TimePipeline(byte[] payload, int iterations)
    {
        var times = new List<double>(iterations);
        for (int i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            Pipeline.Run(payload);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    // One shell runs the loop, so only gzip's own start-up is paid per iteration, as when a user runs it.
    private static double TimeShellLoop(string command, int iterations)
    {
        var start = new ProcessStartInfo("sh", ["-c", $"i=0; while [ $i -lt {iterations} ]; do {command}; i=$((i+1)); done"]);
        long begin = Stopwatch.GetTimestamp();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start sh");
        process.WaitForExit();
        double elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        return process.ExitCode == 0 ? elapsed : throw new InvalidOperationException($"'{command}' failed");
    }

    private static bool GzipReproduces(string file, byte[] expected)
    {
        var start = new ProcessStartInfo("gzip", ["-dc", file]) { RedirectStandardOutput = true };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start gzip");
        using var decompressed = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(decompressed);
        process.WaitForExit();
        return process.ExitCode == 0 && decompressed.ToArray().AsSpan().SequenceEqual(expected);
    }

    private static byte[] Compress(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return compressed.ToArray();
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        double[] sorted = [.. values.Order()];
        return sorted[(int)Math.Clamp(Math.Round(p * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }
}
