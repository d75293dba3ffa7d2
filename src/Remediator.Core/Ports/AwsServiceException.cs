namespace Remediator.Core.Ports;

/// <summary>
/// An error answer from an AWS service, in one shape whatever the wire protocol, so the engine can branch
/// on <see cref="ErrorCode"/> (see <see cref="AwsErrorCodes"/>).
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception from the parsed error.</summary>
    public AwsServiceException(
        string service,
        string operation,
        string errorCode,
        int statusCode,
        string message,
        string? requestId,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base($"{service} {operation} failed: {errorCode} (HTTP {statusCode}): {message}", innerException)
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        ServiceMessage = message;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates an exception with a message only (no service answer behind it).</summary>
    public AwsServiceException()
        : this("unknown", "unknown", "Unknown", 0, "unknown error", null)
    {
    }

    /// <summary>Creates an exception with a message only (no service answer behind it).</summary>
    public AwsServiceException(string message)
        : this("unknown", "unknown", "Unknown", 0, message, null)
    {
    }

    /// <summary>Creates an exception with a message and cause only (no service answer behind it).</summary>
    public AwsServiceException(string message, Exception innerException)
        : this("unknown", "unknown", "Unknown", 0, message, null, null, innerException)
    {
    }

    /// <summary>Service name as signed, e.g. <c>lambda</c>.</summary>
    public string Service { get; }

    /// <summary>Operation, e.g. <c>AddPermission</c>.</summary>
    public string Operation { get; }

    /// <summary>The error code without namespace or URL decoration, e.g. <c>ResourceConflictException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>HTTP status of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>The service's own message text.</summary>
    public string ServiceMessage { get; }

    /// <summary>AWS request id, when the answer carried one.</summary>
    public string? RequestId { get; }

    /// <summary>Delay the service asked for (<c>Retry-After</c>), if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when the error code is <paramref name="code"/> (ordinal).</summary>
    public bool Is(string code) => string.Equals(ErrorCode, code, StringComparison.Ordinal);
}
