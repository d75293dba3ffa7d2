using System.Text;
using BenchmarkDotNet.Attributes;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Emulation.Intake;

namespace Remediator.Benchmarks;

/// <summary>Decode and diagnose one realistic 10,000-event batch (about 1 MB of log text).</summary>
[MemoryDiagnoser]
public class DiagnosePipelineBenchmarks
{
    private byte[] payload = [];
    private LogBatch batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        batch = RealisticBatch.Create();
        payload = Encoding.UTF8.GetBytes(SubscriptionPayloadEncoder.EncodePayload(batch));
    }

    [Benchmark(Description = "decode (base64 + gunzip + JSON)")]
    public LogBatch Decode() => SubscriptionPayloadDecoder.Decode(payload).Batch!;

    [Benchmark(Description = "diagnose (decoded batch)")]
    public DiagnosisResult Diagnose() => Diagnoser.Diagnose(batch);

    [Benchmark(Baseline = true, Description = "decode + diagnose")]
    public DiagnosisResult DecodeAndDiagnose() => Pipeline.Run(payload);
}
