using Remediator.Aws.Http;

namespace Remediator.Aws.Tests.Http;

public sealed class AwsRetryClassifierTests
{
    [Fact]
    public void IsTransient_NetworkErrors_AreTransientUnlessCallerCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(AwsRetryClassifier.IsTransient(new HttpRequestException("reset"), CancellationToken.None));
        Assert.True(AwsRetryClassifier.IsTransient(new Polly.Timeout.TimeoutRejectedException(), CancellationToken.None));
        Assert.False(AwsRetryClassifier.IsTransient(new HttpRequestException("reset"), cancelled.Token));
        Assert.False(AwsRetryClassifier.IsTransient(new InvalidOperationException(), CancellationToken.None));
    }
}
