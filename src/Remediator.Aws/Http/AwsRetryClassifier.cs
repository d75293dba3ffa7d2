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
}
