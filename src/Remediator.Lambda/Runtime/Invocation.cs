namespace Remediator.Lambda.Runtime;

/// <summary>One invocation as the Runtime API hands it out.</summary>
/// <param name="RequestId">The Lambda request id (<c>Lambda-Runtime-Aws-Request-Id</c>).</param>
/// <param name="Deadline">When Lambda stops the invocation (<c>Lambda-Runtime-Deadline-Ms</c>).</param>
/// <param name="FunctionArn">The invoked function ARN, with qualifier when invoked through one.</param>
/// <param name="TraceId">The X-Ray trace header, when tracing is active.</param>
/// <param name="Payload">The event bytes.</param>
public sealed record Invocation(
    string RequestId,
    DateTimeOffset Deadline,
    string FunctionArn,
    string? TraceId,
    ReadOnlyMemory<byte> Payload);
