using Remediator.Core.Intake;

namespace Remediator.Core.Diagnosis;

/// <summary>What one REST/WebSocket request's execution-log lines in a batch said, in arrival order.</summary>
internal sealed class RequestTrace(string requestId)
{
    public string RequestId { get; } = requestId;

    /// <summary>Every event carrying this request id, whatever its shape.</summary>
    public int Events { get; set; }

    public string? HttpMethod { get; set; }

    public string? ResourcePath { get; set; }

    public string? RouteKey { get; set; }

    /// <summary>The function of the most recent invoke-URI line (authorizer first, then integration).</summary>
    public string? CurrentFunctionArn { get; set; }

    public LogEvent? ResponseBody { get; set; }

    public LogEvent? InvalidPermissions { get; set; }

    /// <summary>The function being invoked when the first catalogued failure was logged.</summary>
    public string? FailureFunctionArn { get; set; }

    public LogEvent? AuthorizerError { get; set; }

    public LogEvent? MalformedResponse { get; set; }

    public LogEvent? CustomerError { get; set; }

    /// <summary>The <c>Lambda invocation failed with status: 429</c> and <c>Rate Exceeded</c> lines, in arrival order.</summary>
    public List<LogEvent>? ThrottleLines { get; set; }

    /// <summary>The endpoint response headers line, when it carries Lambda's throttling error type.</summary>
    public LogEvent? ThrottledHeaders { get; set; }

    /// <summary>True once any endpoint response headers line was read (then only the headers tell throttling).</summary>
    public bool SawResponseHeaders { get; set; }

    public LogEvent? Timeout { get; set; }

    public LogEvent? RoleNotAssumable { get; set; }

    /// <summary>A mapping-template or authorizer-response failure, with its shape.</summary>
    public (LogEvent Line, ExecutionLineShape Shape)? Configuration { get; set; }

    /// <summary>
    /// Failure lines outside the catalogue, in arrival order: other configuration errors, authorizer errors and
    /// exceptions, 5xx completions. They become evidence only when no catalogued failure explains the request.
    /// </summary>
    public List<LogEvent>? OtherFailures { get; set; }

    public ApiType ApiType =>
        (HttpMethod is not null, RouteKey is not null) switch
        {
            (true, false) => ApiType.Rest,
            (false, true) => ApiType.WebSocket,
            _ => ApiType.Unknown,
        };

    public bool HasCataloguedFailure =>
        InvalidPermissions is not null || MalformedResponse is not null || CustomerError is not null || ThrottleLines is not null
        || Timeout is not null || RoleNotAssumable is not null || Configuration is not null;

    /// <summary>
    /// True when Lambda throttled the call though API Gateway logged a malformed response: its error-type header
    /// says so, or, when no headers line was logged, the body is exactly Lambda's throttling document.
    /// </summary>
    public bool ThrottledBehindMalformedResponse =>
        ThrottledHeaders is not null
        || (!SawResponseHeaders && ResponseBody is { } body && LambdaThrottle.ReasonOf(ExecutionLine.ResponseBody(body.Message)) is not null);
}
