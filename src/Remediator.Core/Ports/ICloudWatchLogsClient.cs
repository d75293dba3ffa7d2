namespace Remediator.Core.Ports;

/// <summary>Reads log events back from CloudWatch Logs (context lines of a failing request).</summary>
public interface ICloudWatchLogsClient
{
    /// <summary>
    /// FilterLogEvents, following <c>nextToken</c> until there are no more pages or
    /// <see cref="LogEventQuery.MaxEvents"/> / <see cref="LogEventQuery.MaxPages"/> is reached.
    /// </summary>
    Task<LogEventsResult> FilterLogEventsAsync(LogEventQuery query, CancellationToken cancellationToken);
}

/// <summary>What to search and how much to read at most.</summary>
/// <param name="LogGroupName">Log group name.</param>
/// <param name="LogStreamNames">Restrict to these streams (null for all).</param>
/// <param name="FilterPattern">CloudWatch Logs filter pattern, e.g. <c>"\"&lt;requestId&gt;\""</c>.</param>
/// <param name="StartTime">Inclusive start, epoch milliseconds.</param>
/// <param name="EndTime">Inclusive end, epoch milliseconds.</param>
/// <param name="MaxEvents">Stop after this many events.</param>
/// <param name="MaxPages">Stop after this many calls.</param>
public sealed record LogEventQuery(
    string LogGroupName,
    IReadOnlyList<string>? LogStreamNames = null,
    string? FilterPattern = null,
    long? StartTime = null,
    long? EndTime = null,
    int MaxEvents = 1000,
    int MaxPages = 10);

/// <summary>Events found, in the order returned; <see cref="Truncated"/> when a bound stopped the search early.</summary>
public sealed record LogEventsResult(IReadOnlyList<FilteredLogEvent> Events, bool Truncated);

/// <summary>One log event.</summary>
public sealed record FilteredLogEvent(string LogStreamName, long Timestamp, string Message, long IngestionTime, string EventId);
