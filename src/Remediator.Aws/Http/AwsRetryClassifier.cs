using System.Net.Sockets;
using Polly.Timeout;
using Remediator.Core.Ports;

namespace Remediator.Aws.Http;

/// <summary>Which failures are worth another attempt.</summary>
public static class AwsRetryClassifier
{
    /// <summary>Error codes that mean "slow down" across AWS services.</summary>
    public static IReadOnlySet<string> ThrottlingCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "Throttled",
        "RequestThrottled",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "TransactionInProgressException",
        "SlowDown",
    };

    /// <summary>Error codes for transient server-side trouble that may arrive with a 4xx status.</summary>
    public static IReadOnlySet<string> TransientCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
        "InternalError",
        "InternalFailure",
        "ServiceUnavailable",
        "ServiceUnavailableException",
        "EC2ThrottledException",
    };

    /// <summary>True for throttling: HTTP 429, a throttling code, or the message <c>Rate exceeded</c>.</summary>
    public static bool IsThrottling(AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode == 429
            || ThrottlingCodes.Contains(error.ErrorCode)
            || error.ServiceMessage.Contains("Rate exceeded", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Throttling, any 5xx but 501 (not implemented is not transient), or a transient code.</summary>
    public static bool IsRetryable(AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return IsThrottling(error)
            || (error.StatusCode >= 500 && error.StatusCode != 501)
            || TransientCodes.Contains(error.ErrorCode);
    }

    /// <summary>
    /// Network-level failures: connection errors, resets, per-attempt timeouts. Cancellation asked for by the
    /// caller is never retried.
    /// </summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (callerToken.IsCancellationRequested)
        {
            return false;
        }

        return exception is HttpRequestException or IOException or SocketException or TimeoutRejectedException
            || exception is TaskCanceledException { InnerException: TimeoutException };
    }
}
