namespace Remediator.Lambda.Tests.TestSupport;

/// <summary>One invocation queued on <see cref="RuntimeApiFake"/>. Headers are sent as given; a null
/// value leaves that header out, so tests can serve malformed invocations too.</summary>
public sealed record FakeInvocation(
    string RequestId,
    byte[] Payload,
    string? DeadlineMs,
    string? FunctionArn,
    string? TraceId)
{
    /// <summary>The default function ARN of queued invocations.</summary>
    public const string DefaultFunctionArn = "arn:aws:lambda:us-east-1:000000000000:function:remediator";

    /// <summary>A well-formed invocation with a fresh request id.</summary>
    public static FakeInvocation Create(byte[] payload, DateTimeOffset deadline, string? traceId = null) =>
        new(Guid.NewGuid().ToString(), payload, deadline.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            DefaultFunctionArn, traceId);
}
