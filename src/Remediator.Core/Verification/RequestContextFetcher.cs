using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// ERROR-level execution logs carry only the failure line. The request's other lines (method and path,
/// route, endpoint URI) are in the same log group and stream: fetch them with FilterLogEvents on the
/// quoted request id and diagnose them again, through the same anchored readers as any batch.
/// </summary>
public static class RequestContextFetcher
{
    /// <summary>Request ids tried per finding, in the order the finding lists them.</summary>
    public const int MaxRequestsTried = 3;

    /// <summary>Events read per request at most.</summary>
    public const int MaxEventsPerRequest = 200;

    /// <summary>Calls per request at most.</summary>
    public const int MaxPagesPerRequest = 3;

    /// <summary>How far around the finding's evidence to look; a request's lines are seconds apart at most.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    /// <summary>True when the batch is a REST/WebSocket execution log whose context lines can be fetched.</summary>
    public static bool CanFetch(LogBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return ExecutionLogGroup.TryParse(batch.LogGroup, out _, out _) && batch.LogStream.Length > 0;
    }

    /// <summary>
    /// The finding as re-diagnosed from one of its requests' full context, or null when no request's
    /// context names the method and path or the route. The full context may show another kind of the same family
    /// (a malformed response that was throttling); a permission kind and a ticket kind never stand for each other.
    /// </summary>
    public static async Task<Finding?> FetchAsync(Finding finding, LogBatch batch, ICloudWatchLogsClient logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(logs);
        foreach (string requestId in finding.RequestIds.Take(MaxRequestsTried))
        {
            var query = new LogEventQuery(
                batch.LogGroup,
                [batch.LogStream],
                $"\"{requestId}\"",
                (finding.FirstTimestamp - Window).ToUnixTimeMilliseconds(),
                (finding.LastTimestamp + Window).ToUnixTimeMilliseconds(),
                MaxEventsPerRequest,
                MaxPagesPerRequest);
            LogEventsResult result = await logs.FilterLogEventsAsync(query, cancellationToken).ConfigureAwait(false);
            LogEvent[] events = result.Events
                .Where(e => string.Equals(e.LogStreamName, batch.LogStream, StringComparison.Ordinal))
                .Select(e => new LogEvent(e.EventId, e.Timestamp, e.Message))
                .ToArray();
            if (events.Length == 0)
            {
                continue;
            }

            DiagnosisResult again = Diagnoser.Diagnose(batch with { MessageType = SubscriptionMessageType.DataMessage, LogEvents = events });
            Finding? match = again.Findings.FirstOrDefault(f =>
                KindRules.IsPermissionKind(f.Kind) == KindRules.IsPermissionKind(finding.Kind)
                && (f.Kind == finding.Kind || !KindRules.IsPermissionKind(f.Kind))
                && f.RequestIds.Contains(requestId, StringComparer.Ordinal));
            if (match is not null && ((match.HttpMethod is not null && match.ResourcePath is not null) || match.RouteKey is not null))
            {
                return match;
            }
        }

        return null;
    }
}
