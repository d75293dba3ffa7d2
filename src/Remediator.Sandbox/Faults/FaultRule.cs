using System.Text.Json.Serialization;

namespace Remediator.Sandbox.Faults;

/// <summary>What an injected fault does to a call.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>Answer with the service's throttling error (e.g. Lambda's 429 <c>TooManyRequestsException</c>).</summary>
    Throttle,

    /// <summary>Answer with the service's 5xx error.</summary>
    ServerError,

    /// <summary>Wait <see cref="FaultRule.DelayMilliseconds"/>, then serve the call normally.</summary>
    Delay,

    /// <summary>Answer with the service's IAM refusal (e.g. CloudWatch Logs' 400 <c>AccessDeniedException</c>).</summary>
    AccessDenied,

    /// <summary>
    /// Apply the call, then close the connection without answering (the answer is lost); <see cref="FaultInjector.AnswerLost"/>
    /// runs first, so a test can kill the caller before the answer would have reached it.
    /// </summary>
    LoseAnswer,
}

/// <summary>
/// Makes the next <paramref name="Count"/> calls of <paramref name="Service"/>:<paramref name="Operation"/> fail
/// or wait. Service names are <c>lambda</c>, <c>apigateway</c>, <c>apigatewayv2</c>, <c>logs</c>, <c>sns</c>,
/// <c>ssm</c>, <c>sts</c>; the operation is the API name (e.g. <c>AddPermission</c>) or <c>*</c>.
/// </summary>
public sealed record FaultRule(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("kind")] FaultKind Kind,
    [property: JsonPropertyName("count")] int Count = 1,
    [property: JsonPropertyName("delayMilliseconds")] int DelayMilliseconds = 0);
