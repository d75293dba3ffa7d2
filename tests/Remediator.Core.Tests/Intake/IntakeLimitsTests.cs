using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;

namespace Remediator.Core.Tests.Intake;

/// <summary>Pins the limits: changing one is a decision, not an accident.</summary>
public class IntakeLimitsTests
{
    [Fact]
    public void Limits_HaveTheirDocumentedValues()
    {
        Assert.Equal(8 * 1024 * 1024, IntakeLimits.MaxPayloadBytes);
        Assert.Equal(32 * 1024 * 1024, IntakeLimits.MaxDecompressedBytes);
        Assert.Equal(50_000, IntakeLimits.MaxEvents);
        Assert.Equal(10, DiagnosisLimits.MaxRequestIds);
        Assert.Equal(5, DiagnosisLimits.MaxEvidenceLines);
        Assert.Equal(512, DiagnosisLimits.MaxEvidenceChars);
    }

    [Fact]
    public void Limits_LeaveHeadroomOverTheLargestCloudWatchBatch()
    {
        // CloudWatch Logs delivers at most 10,000 events per batch, about 1 MB of text.
        Assert.True(IntakeLimits.MaxEvents >= 10_000 * 2);
        Assert.True(IntakeLimits.MaxDecompressedBytes >= 10 * 1024 * 1024);
    }
}
