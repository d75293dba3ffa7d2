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

    public bool HasCataloguedFailure => InvalidPermissions is not null || MalformedResponse is not null || CustomerError is not null;
}
