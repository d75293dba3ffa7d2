using System.Text.Json;

namespace Remediator.Core.Intake;

/// <summary>The <c>logEvents</c> array: the bulk of every payload, read with the event-count limit.</summary>
internal static class SubscriptionEventReader
{
    // Real events take 150 to 300 bytes of JSON each; sizing the list from the message length avoids
    // regrowing a large array (and the gen-2 collections that large arrays cost) on every batch.
    private const int MinJsonBytesPerEvent = 160;

    /// <summary>Reads the array the reader is on into <paramref name="events"/>; the error when it is not a valid <c>logEvents</c>.</summary>
    public static IntakeError? ReadEvents(ref Utf8JsonReader reader, int messageLength, out List<LogEvent>? events)
    {
        events = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return IntakeError.WrongType("logEvents", "an array", reader.TokenType);
        }

        var list = new List<LogEvent>(Math.Clamp(messageLength / MinJsonBytesPerEvent, 16, IntakeLimits.MaxEvents));
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (list.Count == IntakeLimits.MaxEvents)
            {
                return new IntakeError(
                    IntakeErrorCode.TooManyEvents, $"'logEvents' has more than {IntakeLimits.MaxEvents} events");
            }

            IntakeError? error = ReadEvent(ref reader, list.Count, out LogEvent logEvent);
            if (error is not null)
            {
                return error;
            }

            list.Add(logEvent);
        }

        events = list;
        return null;
    }

    private static IntakeError? ReadEvent(ref Utf8JsonReader reader, int index, out LogEvent logEvent)
    {
        logEvent = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return IntakeError.WrongType($"logEvents[{index}]", "an object", reader.TokenType);
        }

        string? id = null, message = null;
        long? timestamp = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? field = reader.ValueTextEquals(SubscriptionFields.Id) ? "id"
                : reader.ValueTextEquals(SubscriptionFields.Timestamp) ? "timestamp"
                : reader.ValueTextEquals(SubscriptionFields.Message) ? "message"
                : null;
            if (field is null)
            {
                reader.Skip();
                continue;
            }

            reader.Read();
            bool duplicate = field switch
            {
                "id" => id is not null,
                "timestamp" => timestamp is not null,
                _ => message is not null,
            };
            if (duplicate)
            {
                return new IntakeError(IntakeErrorCode.InvalidValue, $"logEvents[{index}] has '{field}' twice");
            }

            if (field == "timestamp")
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long value))
                {
                    return IntakeError.WrongType($"logEvents[{index}].timestamp", "an integer", reader.TokenType);
                }

                timestamp = value;
            }
            else if (reader.TokenType != JsonTokenType.String)
            {
                return IntakeError.WrongType($"logEvents[{index}].{field}", "a string", reader.TokenType);
            }
            else if (field == "id")
            {
                id = reader.GetString();
            }
            else
            {
                message = reader.GetString();
            }
        }

        if (id is null || timestamp is null || message is null)
        {
            string missing = id is null ? "id" : timestamp is null ? "timestamp" : "message";
            return new IntakeError(IntakeErrorCode.MissingField, $"logEvents[{index}] has no '{missing}'");
        }

        logEvent = new LogEvent(id, timestamp.Value, message);
        return null;
    }
}
