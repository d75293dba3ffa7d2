using System.Text.Json.Serialization;

namespace Remediator.Sandbox.Logs;

// CloudWatch Logs request and response members (botocore's logs model).

internal sealed record CreateLogGroupRequest
{
    [JsonPropertyName("logGroupName")] public string? LogGroupName { get; init; }
    [JsonPropertyName("logGroupClass")] public string? LogGroupClass { get; init; }
    [JsonPropertyName("tags")] public Dictionary<string, string>? Tags { get; init; }
}

internal sealed record CreateLogStreamRequest
{
    [JsonPropertyName("logGroupName")] public string? LogGroupName { get; init; }
    [JsonPropertyName("logStreamName")] public string? LogStreamName { get; init; }
}

internal sealed record InputLogEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("message")] string? Message);

internal sealed record PutLogEventsRequest
{
    [JsonPropertyName("logGroupName")] public string? LogGroupName { get; init; }
    [JsonPropertyName("logStreamName")] public string? LogStreamName { get; init; }
    [JsonPropertyName("logEvents")] public List<InputLogEvent>? LogEvents { get; init; }
    [JsonPropertyName("sequenceToken")] public string? SequenceToken { get; init; }
}

internal sealed record PutLogEventsResponse([property: JsonPropertyName("nextSequenceToken")] string NextSequenceToken);

internal sealed record FilterLogEventsRequest
{
    [JsonPropertyName("logGroupName")] public string? LogGroupName { get; init; }
    [JsonPropertyName("logGroupIdentifier")] public string? LogGroupIdentifier { get; init; }
    [JsonPropertyName("logStreamNames")] public List<string>? LogStreamNames { get; init; }
    [JsonPropertyName("logStreamNamePrefix")] public string? LogStreamNamePrefix { get; init; }
    [JsonPropertyName("startTime")] public long? StartTime { get; init; }
    [JsonPropertyName("endTime")] public long? EndTime { get; init; }
    [JsonPropertyName("filterPattern")] public string? FilterPattern { get; init; }
    [JsonPropertyName("nextToken")] public string? NextToken { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }
    [JsonPropertyName("interleaved")] public bool? Interleaved { get; init; }
}

internal sealed record FilteredLogEvent(
    [property: JsonPropertyName("logStreamName")] string LogStreamName,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("ingestionTime")] long IngestionTime,
    [property: JsonPropertyName("eventId")] string EventId);

internal sealed record SearchedLogStream(
    [property: JsonPropertyName("logStreamName")] string LogStreamName,
    [property: JsonPropertyName("searchedCompletely")] bool SearchedCompletely);

internal sealed record FilterLogEventsResponse(
    [property: JsonPropertyName("events")] IReadOnlyList<FilteredLogEvent> Events,
    [property: JsonPropertyName("searchedLogStreams")] IReadOnlyList<SearchedLogStream> SearchedLogStreams,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record DescribeLogGroupsRequest
{
    [JsonPropertyName("logGroupNamePrefix")] public string? LogGroupNamePrefix { get; init; }
    [JsonPropertyName("logGroupNamePattern")] public string? LogGroupNamePattern { get; init; }
    [JsonPropertyName("nextToken")] public string? NextToken { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }
}

internal sealed record DescribeLogGroupsResponse(
    [property: JsonPropertyName("logGroups")] IReadOnlyList<LogGroup> LogGroups,
    [property: JsonPropertyName("nextToken")] string? NextToken);
