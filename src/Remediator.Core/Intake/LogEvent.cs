namespace Remediator.Core.Intake;

/// <summary>One CloudWatch Logs event as delivered by a subscription filter.</summary>
/// <param name="Id">CloudWatch's event id (a decimal string; empty in control messages).</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch.</param>
/// <param name="Message">The log line, exactly as ingested.</param>
public readonly record struct LogEvent(string Id, long Timestamp, string Message);
