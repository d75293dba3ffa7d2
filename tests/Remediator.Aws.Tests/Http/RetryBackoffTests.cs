using Remediator.Aws.Http;

namespace Remediator.Aws.Tests.Http;

public sealed class RetryBackoffTests
{
    private static readonly AwsRetryOptions Options = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(1),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
    };

    [Theory]
    [InlineData(0, 1.0, 100)]
    [InlineData(1, 1.0, 200)]
    [InlineData(3, 1.0, 800)]
    [InlineData(4, 1.0, 1000)]
    [InlineData(20, 1.0, 1000)]
    [InlineData(3, 0.5, 400)]
    [InlineData(3, 0.0, 0)]
    public void Compute_NoRetryAfter_IsJitterTimesCappedExponential(int attempt, double jitter, int expectedMs)
    {
        var delay = RetryBackoff.Compute(Options with { Jitter = () => jitter }, attempt, null);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(60, 5)]
    [InlineData(-2, 0)]
    public void Compute_RetryAfter_WinsAndIsClamped(int askedSeconds, int expectedSeconds)
    {
        var delay = RetryBackoff.Compute(Options with { Jitter = () => 0.1 }, 0, TimeSpan.FromSeconds(askedSeconds));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void Compute_AnyJitter_StaysWithinCeiling()
    {
        var random = new Random(7);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var delay = RetryBackoff.Compute(Options with { Jitter = random.NextDouble }, attempt, null);
            Assert.InRange(delay, TimeSpan.Zero, Options.MaxDelay);
        }
    }
}
