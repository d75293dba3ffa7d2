using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;

namespace Remediator.Benchmarks;

/// <summary>What the Lambda does with one payload before verification: decode, then diagnose.</summary>
internal static class Pipeline
{
    public static DiagnosisResult Run(byte[] payload)
    {
        IntakeResult intake = SubscriptionPayloadDecoder.Decode(payload);
        return intake.IsSuccess
            ? Diagnoser.Diagnose(intake.Batch)
            : throw new InvalidOperationException($"benchmark payload did not decode: {intake.Error}");
    }
}
