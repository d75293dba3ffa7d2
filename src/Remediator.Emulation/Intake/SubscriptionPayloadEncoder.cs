using System.Buffers;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Remediator.Core.Intake;

namespace Remediator.Emulation.Intake;

/// <summary>
/// Produces what CloudWatch Logs delivers to a subscribed Lambda: the message JSON, gzip-compressed,
/// base64-encoded, wrapped in <c>{"awslogs":{"data":...}}</c>. Used by tests, benchmarks and the sandbox.
/// </summary>
public static class SubscriptionPayloadEncoder
{
    /// <summary>The full Lambda input for <paramref name="batch"/>.</summary>
    public static string EncodePayload(LogBatch batch) =>
        string.Concat("{\"awslogs\":{\"data\":\"", EncodeData(batch), "\"}}");

    /// <summary>The base64 of the gzip of the message JSON (the value of <c>awslogs.data</c>).</summary>
    public static string EncodeData(LogBatch batch) => Convert.ToBase64String(Compress(EncodeMessage(batch)));

    /// <summary>The gzip stream CloudWatch Logs would send for <paramref name="batch"/>.</summary>
    public static byte[] EncodeCompressed(LogBatch batch) => Compress(EncodeMessage(batch));

    /// <summary>The decoded message JSON (what <c>gzip -dc</c> prints), as UTF-8.</summary>
    public static byte[] EncodeMessage(LogBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var output = new ArrayBufferWriter<byte>(256 + (batch.LogEvents.Count * 128));
        // CloudWatch Logs escapes only what JSON requires; relaxed escaping keeps the payload the same shape.
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString(SubscriptionFields.MessageType, batch.IsControl
                ? SubscriptionFields.ControlMessage
                : SubscriptionFields.DataMessage);
            writer.WriteString(SubscriptionFields.Owner, batch.Owner);
            writer.WriteString(SubscriptionFields.LogGroup, batch.LogGroup);
            writer.WriteString(SubscriptionFields.LogStream, batch.LogStream);
            writer.WriteStartArray(SubscriptionFields.SubscriptionFilters);
            foreach (string filter in batch.SubscriptionFilters)
            {
                writer.WriteStringValue(filter);
            }

            writer.WriteEndArray();
            writer.WriteStartArray(SubscriptionFields.LogEvents);
            foreach (LogEvent logEvent in batch.LogEvents)
            {
                writer.WriteStartObject();
                writer.WriteString(SubscriptionFields.Id, logEvent.Id);
                writer.WriteNumber(SubscriptionFields.Timestamp, logEvent.Timestamp);
                writer.WriteString(SubscriptionFields.Message, logEvent.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (batch.PolicyLevel is not null)
            {
                writer.WriteString(SubscriptionFields.PolicyLevel, batch.PolicyLevel);
            }

            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static byte[] Compress(byte[] json)
    {
        using var compressed = new MemoryStream(json.Length / 4);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return compressed.ToArray();
    }
}
