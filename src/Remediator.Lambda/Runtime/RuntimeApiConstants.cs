namespace Remediator.Lambda.Runtime;

/// <summary>Lambda Runtime API wire names (version 2018-06-01), in one place.</summary>
public static class RuntimeApiConstants
{
    /// <summary>Host and port of the Runtime API, set by Lambda in the execution environment.</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>X-Ray trace header for the current invocation; the AWS SDKs and our clients read it.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>API version path segment.</summary>
    public const string Version = "2018-06-01";

    /// <summary>Next-invocation response headers.</summary>
    public const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";

    /// <inheritdoc cref="RequestIdHeader"/>
    public const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";

    /// <inheritdoc cref="RequestIdHeader"/>
    public const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";

    /// <inheritdoc cref="RequestIdHeader"/>
    public const string TraceIdHeader = "Lambda-Runtime-Trace-Id";

    /// <summary>Header carrying the error type on error posts.</summary>
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    /// <summary>Content type of the standard Lambda error body.</summary>
    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";

    /// <summary>Error type of an invocation stopped by its deadline ("Category.Reason", as the API suggests).</summary>
    public const string DeadlineExceededErrorType = "Function.DeadlineExceeded";

    /// <summary>Error type of an init error caused by invalid configuration.</summary>
    public const string ConfigInvalidErrorType = "Runtime.ConfigInvalid";

    /// <summary>Path of the next-invocation long poll.</summary>
    public const string NextPath = "/" + Version + "/runtime/invocation/next";

    /// <summary>Path of the init error post.</summary>
    public const string InitErrorPath = "/" + Version + "/runtime/init/error";

    /// <summary>Path of an invocation's response post.</summary>
    public static string ResponsePath(string requestId) =>
        $"/{Version}/runtime/invocation/{Uri.EscapeDataString(requestId)}/response";

    /// <summary>Path of an invocation's error post.</summary>
    public static string ErrorPath(string requestId) =>
        $"/{Version}/runtime/invocation/{Uri.EscapeDataString(requestId)}/error";
}
