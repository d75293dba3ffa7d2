using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Core.Ports;

namespace Remediator.Aws.Logs;

/// <summary>CloudWatch Logs FilterLogEvents over JSON 1.1 (target prefix <c>Logs_20140328</c>).</summary>
public sealed class CloudWatchLogsClient(AwsHttpClient http) : ICloudWatchLogsClient
{
    /// <summary>The service's own upper bound for <c>limit</c>.</summary>
    public const int MaxPageSize = 10_000;

    /// <inheritdoc />
    public async Task<LogEventsResult> FilterLogEventsAsync(LogEventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxEvents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxPages, 1);
        var events = new List<FilteredLogEvent>();
        string? nextToken = null;
        for (var page = 0; page < query.MaxPages; page++)
        {
            var body = new FilterLogEventsBody(
                query.LogGroupName,
                query.LogStreamNames is { Count: > 0 } streams ? streams : null,
                query.FilterPattern,
                query.StartTime,
                query.EndTime,
                nextToken,
                Math.Min(query.MaxEvents - events.Count, MaxPageSize));
            var request = AwsJson.JsonProtocolRequest(AwsService.Logs, "Logs_20140328", "1.1", "FilterLogEvents", body, LogsJsonContext.Default.FilterLogEventsBody);
            var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var result = AwsJson.Deserialize(response, LogsJsonContext.Default.FilterLogEventsResponse);
            foreach (var e in result.Events ?? [])
            {
                if (events.Count == query.MaxEvents)
                {
                    return new LogEventsResult(events, Truncated: true);
                }

                events.Add(new FilteredLogEvent(e.LogStreamName ?? string.Empty, e.Timestamp ?? 0, e.Message ?? string.Empty, e.IngestionTime ?? 0, e.EventId ?? string.Empty));
            }

            nextToken = result.NextToken;
            if (string.IsNullOrEmpty(nextToken))
            {
                return new LogEventsResult(events, Truncated: false);
            }

            if (events.Count >= query.MaxEvents)
            {
                return new LogEventsResult(events, Truncated: true);
            }
        }

        return new LogEventsResult(events, Truncated: true);
    }
}
