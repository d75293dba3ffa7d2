using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Remediator.Lambda.Handling;

/// <summary>
/// Writes the invocation's response with a <see cref="Utf8JsonWriter"/>: the same bytes as serializing
/// with <see cref="HandlingJsonContext"/> and <see cref="Options"/> (a test pins that), without building
/// the serializer's metadata for <see cref="InvocationSummary"/>, its dictionary and its records, which
/// the first response of a cold start paid for (the custom encoder rules out the generated fast path).
/// Names and order are those of the records' <c>JsonPropertyName</c>s; nulls are left out.
/// </summary>
internal static class InvocationSummaryWriter
{
    // Statements and details are read by people in the console: keep quotes readable.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The serializer options the written bytes match (what <see cref="RemediationHandler.ParseResponse"/> reads with).</summary>
    internal static JsonSerializerOptions Options => new()
    {
        Encoder = Encoder,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static ReadOnlyMemory<byte> ToUtf8(InvocationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            Write(writer, summary);
        }

        return buffer.WrittenMemory;
    }

    private static void Write(Utf8JsonWriter writer, InvocationSummary summary)
    {
        writer.WriteStartObject();
        writer.WriteString("requestId", summary.RequestId);
        writer.WriteString("mode", summary.Mode);
        writer.WriteNumber("eventsRead", summary.EventsRead);
        WriteOptional(writer, "intakeError", summary.IntakeError);
        if (summary.Counts is { } counts)
        {
            writer.WriteStartObject("counts");
            foreach (KeyValuePair<string, int> count in counts)
            {
                writer.WriteNumber(count.Key, count.Value);
            }

            writer.WriteEndObject();
        }

        if (summary.Outcomes is { } outcomes)
        {
            writer.WriteStartArray("outcomes");
            foreach (OutcomeSummary outcome in outcomes)
            {
                Write(writer, outcome);
            }

            writer.WriteEndArray();
        }

        writer.WriteNumber("outcomesOmitted", summary.OutcomesOmitted);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, OutcomeSummary? outcome)
    {
        if (outcome is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        WriteOptional(writer, "outcome", outcome.Outcome);
        WriteOptional(writer, "reason", outcome.Reason);
        WriteOptional(writer, "kind", outcome.Kind);
        WriteOptional(writer, "apiId", outcome.ApiId);
        WriteOptional(writer, "stage", outcome.Stage);
        WriteOptional(writer, "functionArn", outcome.FunctionArn);
        WriteOptional(writer, "qualifier", outcome.Qualifier);
        WriteOptional(writer, "statementId", outcome.StatementId);
        WriteOptional(writer, "sourceArn", outcome.SourceArn);
        WriteOptional(writer, "statement", outcome.Statement);
        if (outcome.Verified is { } verified)
        {
            writer.WriteStartArray("verified");
            foreach (string? value in verified)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        WriteOptional(writer, "notificationId", outcome.NotificationId);
        WriteOptional(writer, "opsItemId", outcome.OpsItemId);
        WriteOptional(writer, "detail", outcome.Detail);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
