using System.Text.Json;

namespace Remediator.Core.Intake;

/// <summary>The <c>logEvents</c> array: the bulk of every payload, read with the event-count limit.</summary>
internal static class SubscriptionEventReader
{
    // Real events take 150 to 300 bytes of JSON each; sizing the list from the message length avoids
    // regrowing a large array (and the gen-2 collections that large arrays cost) on every batch.
    private const int MinJsonBytesPerEvent = 160;

    /// <summary>
    /// Reads the array the reader is on into <paramref name="events"/>, setting apart the events whose text is not
    /// Unicode in <paramref name="undecodable"/>; the error when it is not a valid <c>logEvents</c>.
    /// </summary>
    public static IntakeError? ReadEvents(ref Utf8JsonReader reader, int messageLength, out List<LogEvent>? events, out List<UndecodableEvent>? undecodable)
    {
        events = null;
        undecodable = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return IntakeError.WrongType("logEvents", "an array", reader.TokenType);
        }

        var list = new List<LogEvent>(Math.Clamp(messageLength / MinJsonBytesPerEvent, 16, IntakeLimits.MaxEvents));
        List<UndecodableEvent>? bad = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int index = list.Count + (bad?.Count ?? 0);
            if (index == IntakeLimits.MaxEvents)
            {
                return new IntakeError(
                    IntakeErrorCode.TooManyEvents, $"'logEvents' has more than {IntakeLimits.MaxEvents} events");
            }

            IntakeError? error = ReadEvent(ref reader, index, out LogEvent logEvent, out UndecodableEvent? notText);
            if (error is not null)
            {
                return error;
            }

            if (notText is null)
            {
                list.Add(logEvent);
            }
            else
            {
                (bad ??= []).Add(notText);
            }
        }

        events = list;
        undecodable = bad;
        return null;
    }

    private static IntakeError? ReadEvent(ref Utf8JsonReader reader, int index, out LogEvent logEvent, out UndecodableEvent? notText)
    {
        logEvent = default;
        notText = null;
        string? problem = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return IntakeError.WrongType($"logEvents[{index}]", "an object", reader.TokenType);
        }

        string? id = null, message = null;
        bool sawId = false, sawMessage = false;
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
                "id" => sawId,
                "timestamp" => timestamp is not null,
                _ => sawMessage,
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
                sawId = true;
                id = JsonText.Read(ref reader, out string? idProblem);
                problem ??= idProblem is null ? null : $"logEvents[{index}].id {idProblem}";
            }
            else
            {
                sawMessage = true;
                message = JsonText.Read(ref reader, out string? messageProblem);
                problem ??= messageProblem is null ? null : $"logEvents[{index}].message {messageProblem}";
            }
        }

        if (!sawId || timestamp is null || !sawMessage)
        {
            string missing = !sawId ? "id" : timestamp is null ? "timestamp" : "message";
            return new IntakeError(IntakeErrorCode.MissingField, $"logEvents[{index}] has no '{missing}'");
        }

        if (problem is not null)
        {
            notText = new UndecodableEvent(index, id, timestamp, problem);
            return null;
        }

        logEvent = new LogEvent(id!, timestamp.Value, message!);
        return null;
    }
}
