using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Remediator.Core.Notifications;

namespace Remediator.Core.Observability;

/// <summary>Formats one-line JSON log entries compatible with Lambda's JSON log format.</summary>
public static class StructuredLogFormatter
{
    // Log lines are read by people and by CloudWatch, never embedded in HTML: keep '+', '<', quotes in
    // ARNs and messages readable. Control characters and line breaks are still escaped, so a line stays
    // one CloudWatch event.
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>
    /// Longest text field of a line, in UTF-16 code units. Fields carry text from logs and API names, so each is
    /// also cleaned of control and format characters (docs/ARCHITECTURE.md, "Safety rules" 12): an escaped bidi
    /// override or line break is still one once a console decodes the JSON.
    /// </summary>
    public const int MaxFieldChars = 8192;

    /// <summary>One line for one outcome; null fields are left out.</summary>
    public static string Format(OutcomeLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Write(writer =>
        {
            WriteHeader(writer, entry.Timestamp, ObservabilityNames.LevelOf(entry.OutcomeName), entry.RequestId);
            writer.WriteString(ObservabilityNames.OutcomeField, entry.OutcomeName);
            WriteOptional(writer, ObservabilityNames.KindField, entry.Kind);
            WriteOptional(writer, ObservabilityNames.ApiId, entry.ApiId);
            WriteOptional(writer, ObservabilityNames.Stage, entry.Stage);
            WriteOptional(writer, ObservabilityNames.FunctionArn, entry.FunctionArn);
            WriteOptional(writer, ObservabilityNames.StatementId, entry.StatementId);
            WriteOptional(writer, ObservabilityNames.OpsItemId, entry.OpsItemId);
            if (entry.Duration is { } duration)
            {
                writer.WriteNumber(ObservabilityNames.DurationMs, Math.Round(duration.TotalMilliseconds, 2));
            }

            WriteText(writer, ObservabilityNames.Message, entry.Message);
        });
    }

    /// <summary>One line for a runtime event.</summary>
    public static string Format(RuntimeLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Write(writer =>
        {
            WriteHeader(writer, entry.Timestamp, entry.Level, entry.RequestId);
            WriteOptional(writer, ObservabilityNames.ErrorType, entry.ErrorType);
            WriteText(writer, ObservabilityNames.Message, entry.Message);
        });
    }

    /// <summary>RFC 3339 in UTC with milliseconds, the form Lambda accepts for the <c>timestamp</c> key.</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteHeader(Utf8JsonWriter writer, DateTimeOffset timestamp, LogLevel level, string? requestId)
    {
        writer.WriteString(ObservabilityNames.Timestamp, FormatTimestamp(timestamp));
        writer.WriteString(ObservabilityNames.Level, level.ToLogValue());
        WriteOptional(writer, ObservabilityNames.RequestId, requestId);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            WriteText(writer, name, value);
        }
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string value) =>
        writer.WriteString(name, UntrustedText.Line(value, MaxFieldChars));
}
