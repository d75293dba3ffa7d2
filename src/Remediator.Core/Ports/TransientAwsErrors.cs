namespace Remediator.Core.Ports;

/// <summary>
/// The one answer to "is this AWS error worth another attempt?", shared by the wire clients' retries and by the
/// engine, which fails the invocation (so Lambda retries it) for exactly these and turns every other error into a
/// value (docs/ARCHITECTURE.md, "Safety rules" 11).
/// </summary>
/// <remarks>
/// The codes follow botocore's standard retry mode (<c>botocore/retries/standard.py</c>: ThrottledRetryableChecker,
/// TransientRetryableChecker; <c>botocore/data/_retry.json</c>: <c>Throttling</c> and <c>ThrottlingException</c> with
/// HTTP 400, any 429, 500, 503, 509) and the throttling errors of the models of every service Remediator calls.
/// </remarks>
public static class TransientAwsErrors
{
    /// <summary>Error codes that mean "slow down", whatever HTTP status they arrive with.</summary>
    public static IReadOnlySet<string> ThrottlingCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // Query protocols' generic code (SNS, STS: HTTP 400) and JSON services' (CloudWatch Logs, DynamoDB's
        // control plane, SSM: HTTP 400, {"__type":"ThrottlingException","message":"Rate exceeded"}).
        "Throttling",
        "ThrottlingException",

        // SNS's modeled ThrottledException has the wire code "Throttled"; some clients report the shape's name.
        "Throttled",
        "ThrottledException",

        // SNS and SQS when the KMS key of an encrypted topic or queue is throttled.
        "KMSThrottling",
        "KmsThrottled",

        // Lambda, API Gateway v1 and v2 (429).
        "TooManyRequestsException",

        // DynamoDB (HTTP 400).
        "ProvisionedThroughputExceededException",
        "RequestLimitExceeded",
        "TransactionInProgressException",

        // SQS, EC2-era and S3 spellings botocore lists as throttling.
        "RequestThrottled",
        "RequestThrottledException",
        "BandwidthLimitExceeded",
        "SlowDown",
        "EC2ThrottledException",
    };

    /// <summary>Error codes for trouble on AWS's side that may arrive with a 4xx status.</summary>
    public static IReadOnlySet<string> TransientCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
        "InternalError",
        "InternalFailure",
        "ServiceUnavailable",
        "ServiceUnavailableException",

        // STS cannot reach an identity provider (botocore retries it: retries/special.py).
        "IDPCommunicationError",
    };

    /// <summary>True for throttling: HTTP 429, a throttling code, or the message <c>Rate exceeded</c>.</summary>
    /// <remarks>
    /// <c>LimitExceededException</c> is not a throttling code here: CloudWatch Logs and API Gateway v2 use it for
    /// resource quotas that no retry cures; API Gateway v1's rate-limit use of it arrives as 429.
    /// </remarks>
    public static bool IsThrottling(AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode == 429
            || ThrottlingCodes.Contains(error.ErrorCode)
            || error.ServiceMessage.Contains("Rate exceeded", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Throttling, any 5xx but 501 (not implemented is not transient), a transient code, or no answer at all
    /// (status 0: an exception made without a service's reply behind it).
    /// </summary>
    public static bool IsTransient(AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode == 0
            || IsThrottling(error)
            || (error.StatusCode >= 500 && error.StatusCode != 501)
            || TransientCodes.Contains(error.ErrorCode);
    }
}
