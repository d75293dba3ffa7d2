using Remediator.Emulation.Logs;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Logs;

/// <summary>FilterLogEvents: time window, stream selection, filter pattern (shared matcher), pagination.</summary>
internal sealed class LogEventFilter(SandboxEnvironment env)
{
    private const int MaxFilterLimit = 10000;

    private const AwsProtocol Protocol = AwsProtocol.Json11;

    public ServiceResult FilterLogEvents(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.FilterLogEventsRequest, out var input, out var error))
        {
            return LogsErrors.Serialization(error);
        }

        if (input.LogGroupName is not null && input.LogGroupIdentifier is not null)
        {
            return LogsErrors.Invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }

        if (input.LogStreamNames is not null && input.LogStreamNamePrefix is not null)
        {
            return LogsErrors.Invalid("Log stream names and log stream name prefix are mutually exclusive parameters.");
        }

        var limit = input.Limit ?? MaxFilterLimit;
        if (limit is < 1 or > MaxFilterLimit || !PageToken.TryDecode(input.NextToken, out var offset))
        {
            return LogsErrors.Invalid("The limit must be 1-10000 and the next token one this service issued.");
        }

        if (!FilterPattern.TryParse(input.FilterPattern, out var pattern, out var patternError))
        {
            return LogsErrors.Invalid($"Invalid filter pattern: {patternError}");
        }

        if (GroupByNameOrArn(input.LogGroupName ?? input.LogGroupIdentifier) is not { } group)
        {
            return LogsErrors.GroupNotFound();
        }

        var streams = group.Streams.Values
            .Where(s => input.LogStreamNames is null || input.LogStreamNames.Contains(s.LogStreamName))
            .Where(s => input.LogStreamNamePrefix is null || s.LogStreamName.StartsWith(input.LogStreamNamePrefix, StringComparison.Ordinal))
            .ToList();
        var matches = streams
            .SelectMany(s => s.Events.Select(e => new FilteredLogEvent(s.LogStreamName, e.Timestamp, e.Message, e.IngestionTime, e.EventId)))
            .Where(e => (input.StartTime is null || e.Timestamp >= input.StartTime) && (input.EndTime is null || e.Timestamp <= input.EndTime))
            .Where(e => pattern.Matches(e.Message))
            .OrderBy(e => e.Timestamp)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .ToList();
        var (page, next) = PageToken.Slice(matches, offset, limit);
        var searched = streams.Select(s => new SearchedLogStream(s.LogStreamName, true)).ToList();
        return Reply.Json(Protocol, new FilterLogEventsResponse(page, searched, next), SandboxJson.Context.FilterLogEventsResponse);
    }

    /// <summary>A group by name, or by ARN (<c>logGroupIdentifier</c> accepts both, with or without <c>:*</c>).</summary>
    private LogGroupRecord? GroupByNameOrArn(string? identifier)
    {
        if (identifier is null)
        {
            return null;
        }

        var prefix = $"arn:aws:logs:{env.Region}:{env.AccountId}:log-group:";
        var name = identifier.StartsWith(prefix, StringComparison.Ordinal)
            ? identifier[prefix.Length..].TrimEnd('*').TrimEnd(':')
            : identifier;
        return env.Data.LogGroups.GetValueOrDefault(name);
    }
}
