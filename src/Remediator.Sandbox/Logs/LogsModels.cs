using System.Text.Json.Serialization;

namespace Remediator.Sandbox.Logs;

// CloudWatch Logs entities (JSON 1.1, camelCase members; times are epoch milliseconds).

internal sealed record LogGroup
{
    [JsonPropertyName("logGroupName")] public required string LogGroupName { get; init; }
    [JsonPropertyName("creationTime")] public long CreationTime { get; init; }
    [JsonPropertyName("retentionInDays")] public int? RetentionInDays { get; init; }
    [JsonPropertyName("metricFilterCount")] public int MetricFilterCount { get; init; }
    [JsonPropertyName("arn")] public required string Arn { get; init; }
    [JsonPropertyName("logGroupArn")] public required string LogGroupArn { get; init; }
    [JsonPropertyName("storedBytes")] public long StoredBytes { get; init; }
    [JsonPropertyName("logGroupClass")] public string LogGroupClass { get; init; } = "STANDARD";
}

internal sealed record StoredLogEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("ingestionTime")] long IngestionTime,
    [property: JsonPropertyName("eventId")] string EventId);

internal sealed class LogStreamRecord
{
    [JsonPropertyName("logStreamName")] public required string LogStreamName { get; init; }
    [JsonPropertyName("creationTime")] public long CreationTime { get; init; }
    [JsonPropertyName("events")] public List<StoredLogEvent> Events { get; init; } = [];
}

internal sealed class LogGroupRecord
{
    [JsonPropertyName("group")] public required LogGroup Group { get; set; }
    [JsonPropertyName("streams")] public Dictionary<string, LogStreamRecord> Streams { get; init; } = new(StringComparer.Ordinal);
}
