using System.Text.Json.Serialization;

namespace Remediator.Aws.Logs;

/// <summary>FilterLogEvents body.</summary>
internal sealed record FilterLogEventsBody(
    [property: JsonPropertyName("logGroupName")] string LogGroupName,
    [property: JsonPropertyName("logStreamNames")] IReadOnlyList<string>? LogStreamNames,
    [property: JsonPropertyName("filterPattern")] string? FilterPattern,
    [property: JsonPropertyName("startTime")] long? StartTime,
    [property: JsonPropertyName("endTime")] long? EndTime,
    [property: JsonPropertyName("nextToken")] string? NextToken,
    [property: JsonPropertyName("limit")] int? Limit);

/// <summary>FilterLogEvents answer.</summary>
internal sealed record FilterLogEventsResponse(
    [property: JsonPropertyName("events")] List<FilteredLogEventDto>? Events,
    [property: JsonPropertyName("nextToken")] string? NextToken);

/// <summary>One event on the wire.</summary>
internal sealed record FilteredLogEventDto(
    [property: JsonPropertyName("logStreamName")] string? LogStreamName,
    [property: JsonPropertyName("timestamp")] long? Timestamp,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("ingestionTime")] long? IngestionTime,
    [property: JsonPropertyName("eventId")] string? EventId);

/// <summary>Source-generated serialization for the CloudWatch Logs wire DTOs.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FilterLogEventsBody))]
[JsonSerializable(typeof(FilterLogEventsResponse))]
internal sealed partial class LogsJsonContext : JsonSerializerContext;
