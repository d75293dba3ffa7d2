namespace Remediator.Core.Observability;

/// <summary>A log line that is not about one finding: start-up, invocation failures, init errors.</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Level">Severity.</param>
/// <param name="RequestId">The Lambda request id, when inside an invocation.</param>
/// <param name="Message">One human sentence.</param>
/// <param name="ErrorType">The error type reported to Lambda, when there is one.</param>
public sealed record RuntimeLogEntry(
    DateTimeOffset Timestamp,
    LogLevel Level,
    string? RequestId,
    string Message,
    string? ErrorType = null);
