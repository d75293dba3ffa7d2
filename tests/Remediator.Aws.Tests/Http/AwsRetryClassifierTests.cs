using Remediator.Aws.Http;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Http;

public sealed class AwsRetryClassifierTests
{
    [Theory]
    [InlineData(429, "Anything", "", true)]
    [InlineData(400, "TooManyRequestsException", "", true)]
    [InlineData(400, "Throttling", "", true)]
    [InlineData(400, "ThrottlingException", "", true)]
    [InlineData(400, "Throttled", "", true)]
    [InlineData(400, "LimitExceededException", "Rate exceeded", true)]
    [InlineData(500, "InternalFailure", "", true)]
    [InlineData(502, "Http502", "", true)]
    [InlineData(503, "ServiceUnavailable", "", true)]
    [InlineData(501, "NotImplemented", "", false)]
    [InlineData(400, "RequestTimeout", "", true)]
    [InlineData(404, "ResourceNotFoundException", "", false)]
    [InlineData(409, "ResourceConflictException", "", false)]
    [InlineData(412, "PreconditionFailedException", "", false)]
    [InlineData(400, "PolicyLengthExceededException", "", false)]
    [InlineData(403, "AccessDeniedException", "", false)]
    public void IsRetryable_Error_MatchesCatalogue(int status, string code, string message, bool expected)
    {
        var error = new AwsServiceException("svc", "Op", code, status, message, null);

        Assert.Equal(expected, AwsRetryClassifier.IsRetryable(error));
    }

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
