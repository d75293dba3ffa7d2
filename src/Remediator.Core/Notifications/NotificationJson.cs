using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Remediator.Core.Notifications;

/// <summary>How the JSON of a notification is written and measured: UTF-8, non-ASCII text kept as it is (so it costs its UTF-8 size, not six bytes per character).</summary>
internal static class NotificationJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON <paramref name="body"/> writes.</summary>
    public static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            body(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The UTF-8 bytes <paramref name="value"/> takes as a JSON string, quotes and escapes included.</summary>
    public static int StringBytes(string value)
    {
        var buffer = new ArrayBufferWriter<byte>(value.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStringValue(value);
        }

        return buffer.WrittenCount;
    }

    /// <summary>Writes <paramref name="value"/>, or null.</summary>
    public static void StringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
