using System.Text.Json.Serialization;

namespace Remediator.Sandbox.Sns;

/// <summary>A topic created with CreateTopic.</summary>
internal sealed record Topic(
    [property: JsonPropertyName("topicArn")] string TopicArn,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string> Attributes,
    [property: JsonPropertyName("tags")] IReadOnlyDictionary<string, string> Tags);

/// <summary>One <c>MessageAttributes.entry.N</c> of a Publish call.</summary>
internal sealed record MessageAttribute(
    [property: JsonPropertyName("dataType")] string DataType,
    [property: JsonPropertyName("stringValue")] string? StringValue,
    [property: JsonPropertyName("binaryValue")] string? BinaryValue);

/// <summary>Every Publish is recorded so tests and the demo can read exactly what was sent.</summary>
internal sealed record PublishedMessage
{
    [JsonPropertyName("messageId")] public required string MessageId { get; init; }
    [JsonPropertyName("topicArn")] public required string TopicArn { get; init; }
    [JsonPropertyName("subject")] public string? Subject { get; init; }
    [JsonPropertyName("message")] public required string Message { get; init; }
    [JsonPropertyName("messageStructure")] public string? MessageStructure { get; init; }

    /// <summary>With <c>MessageStructure=json</c>, what each protocol's subscriptions receive (<c>default</c> for any other); else null.</summary>
    [JsonPropertyName("messages")] public IReadOnlyDictionary<string, string>? Messages { get; init; }
    [JsonPropertyName("messageAttributes")] public IReadOnlyDictionary<string, MessageAttribute> MessageAttributes { get; init; } = new Dictionary<string, MessageAttribute>();
    [JsonPropertyName("timestamp")] public DateTimeOffset Timestamp { get; init; }

    /// <summary>FIFO topics: the message group; else null.</summary>
    [JsonPropertyName("messageGroupId")] public string? MessageGroupId { get; init; }

    /// <summary>FIFO topics: the deduplication id (given, or the SHA-256 of the body with content-based deduplication); else null.</summary>
    [JsonPropertyName("messageDeduplicationId")] public string? MessageDeduplicationId { get; init; }

    /// <summary>FIFO topics: the topic's sequence number of the message; else null.</summary>
    [JsonPropertyName("sequenceNumber")] public string? SequenceNumber { get; init; }
}
