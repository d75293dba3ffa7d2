using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>How the engine classifies an AWS error that outlasted the clients' retries.</summary>
internal static class AwsFailures
{
    /// <summary>Throttling and server errors: the invocation should fail so Lambda retries it.</summary>
    public static bool IsTransient(AwsServiceException e) =>
        e.StatusCode is 0 or 429 or >= 500 || e.Is(AwsErrorCodes.TooManyRequests);
}
