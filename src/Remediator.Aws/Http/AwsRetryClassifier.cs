using System.Net.Sockets;
using Polly.Timeout;
using Remediator.Core.Ports;

namespace Remediator.Aws.Http;

/// <summary>
/// The network-level failures of one attempt that are worth another; a service's error answer is judged by
/// <see cref="TransientAwsErrors"/>, the classifier the engine uses too.
/// </summary>
public static class AwsRetryClassifier
{
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

    /// <summary>
    /// True when the attempt failed before its request could reach the service (name resolution, connecting, TLS,
    /// a proxy tunnel): repeating it cannot apply it twice. A timeout or a connection lost after sending may have
    /// been applied.
    /// </summary>
    public static bool NeverSent(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        };
    }
}
