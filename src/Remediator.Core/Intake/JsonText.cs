using System.Text.Json;
using System.Text.Unicode;

namespace Remediator.Core.Intake;

/// <summary>Reads JSON string values whose bytes may not be text: a problem is a value, never an exception.</summary>
internal static class JsonText
{
    /// <summary>The string the reader is on, or null with <paramref name="problem"/> saying why it is not text.</summary>
    public static string? Read(ref Utf8JsonReader reader, out string? problem)
    {
        problem = null;
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // On a string token, GetString throws for exactly these two; the reader checks neither while reading.
            problem = !reader.ValueIsEscaped || !Utf8.IsValid(reader.ValueSpan)
                ? "is not valid UTF-8"
                : "holds an unpaired UTF-16 surrogate escape";
            return null;
        }
    }

    /// <summary>The string the reader is on for a message, with a placeholder when it is not text.</summary>
    public static string ReadForMessage(ref Utf8JsonReader reader) => Read(ref reader, out _) ?? "(not valid text)";
}
