using System.Text.Json.Serialization;

namespace Remediator.Sandbox.Sqs;

/// <summary>A queue and the messages in it (state).</summary>
internal sealed class QueueRecord
{
    [JsonPropertyName("name")] public required string Name { get; init; }

    [JsonPropertyName("messages")] public List<QueuedMessage> Messages { get; init; } = [];
}

/// <summary>A message in a queue; invisible until <see cref="VisibleAt"/> (ms since the epoch) after a receive.</summary>
internal sealed class QueuedMessage
{
    [JsonPropertyName("messageId")] public required string MessageId { get; init; }

    [JsonPropertyName("body")] public required string Body { get; init; }

    [JsonPropertyName("receiveCount")] public int ReceiveCount { get; set; }

    [JsonPropertyName("receiptHandle")] public string? ReceiptHandle { get; set; }

    [JsonPropertyName("visibleAt")] public long VisibleAt { get; set; }
}

internal sealed record QueueNameRequest(
    [property: JsonPropertyName("QueueName")] string? QueueName);

internal sealed record QueueUrlResponse(
    [property: JsonPropertyName("QueueUrl")] string QueueUrl);

internal sealed record SendMessageRequest(
    [property: JsonPropertyName("QueueUrl")] string? QueueUrl,
    [property: JsonPropertyName("MessageBody")] string? MessageBody);

internal sealed record SendMessageResponse(
    [property: JsonPropertyName("MessageId")] string MessageId,
    [property: JsonPropertyName("MD5OfMessageBody")] string Md5OfMessageBody);

internal sealed record ReceiveMessageRequest(
    [property: JsonPropertyName("QueueUrl")] string? QueueUrl,
    [property: JsonPropertyName("MaxNumberOfMessages")] int? MaxNumberOfMessages,
    [property: JsonPropertyName("VisibilityTimeout")] int? VisibilityTimeout);

internal sealed record ReceivedMessage(
    [property: JsonPropertyName("MessageId")] string MessageId,
    [property: JsonPropertyName("ReceiptHandle")] string ReceiptHandle,
    [property: JsonPropertyName("MD5OfBody")] string Md5OfBody,
    [property: JsonPropertyName("Body")] string Body);

internal sealed record ReceiveMessageResponse(
    [property: JsonPropertyName("Messages")] IReadOnlyList<ReceivedMessage> Messages);

internal sealed record DeleteMessageRequest(
    [property: JsonPropertyName("QueueUrl")] string? QueueUrl,
    [property: JsonPropertyName("ReceiptHandle")] string? ReceiptHandle);
