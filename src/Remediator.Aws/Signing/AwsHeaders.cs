namespace Remediator.Aws.Signing;

/// <summary>Header names of the AWS wire protocols, in one place.</summary>
public static class AwsHeaders
{
    /// <summary>Signing timestamp.</summary>
    public const string AmzDate = "X-Amz-Date";

    /// <summary>Session token of temporary credentials.</summary>
    public const string SecurityToken = "X-Amz-Security-Token";

    /// <summary>Payload hash header (required by S3, optional elsewhere).</summary>
    public const string ContentSha256 = "X-Amz-Content-SHA256";

    /// <summary>JSON 1.0/1.1 operation selector, e.g. <c>Logs_20140328.FilterLogEvents</c>.</summary>
    public const string Target = "X-Amz-Target";

    /// <summary>rest-json error code header.</summary>
    public const string ErrorType = "X-Amzn-Errortype";

    /// <summary>Request id header (JSON and rest-json protocols).</summary>
    public const string RequestId = "X-Amzn-RequestId";

    /// <summary>Request id header used by some services (S3-style and older ones).</summary>
    public const string AmzRequestId = "X-Amz-Request-Id";

    /// <summary>Server-advised delay before retrying.</summary>
    public const string RetryAfter = "Retry-After";

    /// <summary>The standard authorization header.</summary>
    public const string Authorization = "Authorization";
}
