using System.Globalization;
using Remediator.Core.Intake;
using Remediator.Emulation.Intake;

namespace Remediator.Benchmarks.ColdStart;

/// <summary>
/// <c>--cold-start [runs]</c>: publishes the function as the managed <c>dotnet10</c> runtime deploys it
/// (the Makefile's framework-dependent ReadyToRun build) and as <c>provided.al2023</c> deploys it
/// (self-contained, <c>bootstrap</c>), plus a hello-world Runtime API client, then starts each as its own
/// process against a loopback Runtime API fake with one CloudWatch Logs CONTROL_MESSAGE subscription
/// payload waiting, and prints process start → first /next and → first response, and the CPU time used by the first
/// response, with ratios to hello-world.
/// Runs are interleaved so machine load affects every variant alike; one unrecorded warm-up round first.
/// </summary>
internal static class ColdStartHarness
{
    // What Lambda sets (a session token included) plus a production-like configuration: enforce mode,
    // a topic and a ledger table, so init builds every client it builds in AWS. The endpoint is a closed
    // loopback port: a control message must not cause any AWS call, and a stray one would fail fast.
    private static readonly Dictionary<string, string> FunctionEnvironment = new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = "us-east-1",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_SESSION_TOKEN"] = "test",
        ["AWS_LAMBDA_FUNCTION_NAME"] = "remediator",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
        ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
        ["REMEDIATOR_MODE"] = "enforce",
        ["REMEDIATOR_TOPIC_ARN"] = "arn:aws:sns:us-east-1:000000000000:remediator",
        ["REMEDIATOR_LEDGER_TABLE"] = "remediator-ledger",
    };

    public static async Task<int> RunAsync(int runs, TextWriter output)
    {
        string root = FindRepositoryRoot();
        string work = Directory.CreateTempSubdirectory("remediator-coldstart-").FullName;
        try
        {
            IReadOnlyList<ColdStartVariant> variants = ColdStartArtifacts.Publish(root, work, output);
            string payload = SubscriptionPayloadEncoder.EncodePayload(ControlMessage());
            string loadBefore = LoadAverage();

            var samples = variants.ToDictionary(v => v, _ => new List<ColdStartSample>());
            for (int round = -1; round < runs; round++)
            {
                // Rotate the order each round so no variant always runs first after a pause.
                for (int i = 0; i < variants.Count; i++)
                {
                    ColdStartVariant variant = variants[(i + Math.Max(round, 0)) % variants.Count];
                    ColdStartSample sample = await ColdStartProbe.MeasureAsync(variant, FunctionEnvironment, payload);
                    if (round >= 0)
                    {
                        samples[variant].Add(sample);
                    }
                }
            }

            ColdStartReport.Write(output, samples, runs, loadBefore, LoadAverage());
            return samples.Values.All(list => list.All(s => s.ResultKind == "response")) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static LogBatch ControlMessage() => new(
        SubscriptionMessageType.ControlMessage, "CloudwatchLogs", "", "", [],
        [new LogEvent("", 1_432_826_855_000, "CWL CONTROL MESSAGE: Checking health of destination Lambda function.")]);

    private static string FindRepositoryRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Remediator.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run from inside the repository (Remediator.sln not found).");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
            : "n/a";

    internal static string Ms(double value) => value.ToString("F0", CultureInfo.InvariantCulture);
}
