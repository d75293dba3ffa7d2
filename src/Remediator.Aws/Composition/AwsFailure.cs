using System.Net.Sockets;
using Amazon.Runtime;
using Polly.Timeout;
using Remediator.Core.Ports;

namespace Remediator.Aws.Composition;

/// <summary>Tells "AWS failed" (for a person to retry, or to fix the account or the configuration) from a bug.</summary>
public static class AwsFailure
{
    /// <summary>
    /// True for what the wire clients, the ledger's SDK client and <see cref="RemediatorServices.Create"/> throw
    /// once their retries are spent: a service's error answer, a network failure, an attempt that timed out, an
    /// oversized or malformed answer, no region or no credentials. False for cancellation through
    /// <paramref name="cancellationToken"/> and for anything else.
    /// </summary>
    public static bool Is(Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            AwsServiceException or AmazonServiceException or AmazonClientException => true,
            HttpRequestException or IOException or SocketException or TimeoutRejectedException => true,

            // A response over the size limit or not in the shape its protocol promises.
            InvalidDataException => true,

            // No region, environment keys half set, an unusable endpoint URL.
            InvalidOperationException => true,

            // The SDK's HTTP timeout; cancellation the caller asked for is not a failure.
            OperationCanceledException => !cancellationToken.IsCancellationRequested,
            _ => false,
        };
    }
}
