using System.Collections.Concurrent;
using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Fakes;

/// <summary>CloudWatch Logs FilterLogEvents over stored events; patterns are quoted terms (<c>"text"</c>), matched as substrings.</summary>
public sealed class InMemoryCloudWatchLogs : ICloudWatchLogsClient
{
    private readonly List<(string Group, FilteredLogEvent Event)> events = [];
    private readonly ConcurrentQueue<LogEventQuery> queries = new();

    public IReadOnlyList<LogEventQuery> Queries => queries.ToArray();

    public InMemoryCloudWatchLogs Add(string group, string stream, long timestamp, string message)
    {
        events.Add((group, new FilteredLogEvent(stream, timestamp, message, timestamp, $"{events.Count:D20}")));
        return this;
    }

    public Task<LogEventsResult> FilterLogEventsAsync(LogEventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        queries.Enqueue(query);
        string? term = query.FilterPattern?.Trim('"');
        FilteredLogEvent[] found = events
            .Where(e => e.Group == query.LogGroupName)
            .Select(e => e.Event)
            .Where(e => query.LogStreamNames is null || query.LogStreamNames.Contains(e.LogStreamName))
            .Where(e => (query.StartTime is null || e.Timestamp >= query.StartTime) && (query.EndTime is null || e.Timestamp <= query.EndTime))
            .Where(e => term is null || e.Message.Contains(term, StringComparison.Ordinal))
            .Take(query.MaxEvents)
            .ToArray();
        return Task.FromResult(new LogEventsResult(found, false));
    }
}
