using System.Text.Json;

namespace Remediator.Core.Intake;

/// <summary>
/// Reads a decompressed subscription message (<c>DATA_MESSAGE</c> or <c>CONTROL_MESSAGE</c>) in one forward
/// pass. Types are checked strictly, duplicates refused, unknown fields skipped (AWS may add some).
/// Malformed JSON surfaces as <see cref="JsonException"/>, which the decoder turns into an error value.
/// </summary>
internal static class SubscriptionMessageReader
{
    [Flags]
    private enum Seen
    {
        None = 0,
        MessageType = 1,
        Owner = 2,
        LogGroup = 4,
        LogStream = 8,
        SubscriptionFilters = 16,
        LogEvents = 32,
        PolicyLevel = 64,
        AllData = MessageType | Owner | LogGroup | LogStream | SubscriptionFilters | LogEvents,
    }

    public static IntakeResult Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, SubscriptionPayloadDecoder.ReaderOptions);
        if (!reader.Read())
        {
            return IntakeResult.Failure(IntakeErrorCode.Empty, "the message is empty");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return IntakeResult.Failure(IntakeErrorCode.WrongType, $"the message must be a JSON object, found {reader.TokenType}");
        }

        var seen = Seen.None;
        SubscriptionMessageType? type = null;
        string? owner = null, logGroup = null, logStream = null, policyLevel = null;
        List<string>? filters = null;
        List<LogEvent>? events = null;
        List<UndecodableEvent>? undecodable = null;
        IntakeError? error = null;

        while (error is null && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            Seen field = FieldOf(ref reader);
            if (field == Seen.None)
            {
                reader.Skip();
                continue;
            }

            if ((seen & field) != 0)
            {
                return Failure(IntakeErrorCode.InvalidValue, $"the message has '{JsonText.ReadForMessage(ref reader)}' twice");
            }

            seen |= field;
            reader.Read();
            error = field switch
            {
                Seen.MessageType => ReadMessageType(ref reader, out type),
                Seen.Owner => ReadString(ref reader, "owner", out owner),
                Seen.LogGroup => ReadString(ref reader, "logGroup", out logGroup),
                Seen.LogStream => ReadString(ref reader, "logStream", out logStream),
                Seen.PolicyLevel => ReadOptionalString(ref reader, "policyLevel", out policyLevel),
                Seen.SubscriptionFilters => ReadFilters(ref reader, out filters),
                _ => SubscriptionEventReader.ReadEvents(ref reader, json.Length, out events, out undecodable),
            };
        }

        if (error is not null)
        {
            return IntakeResult.Failure(error);
        }

        // Anything after the closing brace makes the reader throw: trailing content is malformed JSON.
        reader.Read();

        if (type is null)
        {
            return Failure(IntakeErrorCode.MissingField, "the message has no 'messageType'");
        }

        // CloudWatch's health checks carry no traffic; accept them even if they omit fields.
        if (type == SubscriptionMessageType.DataMessage && (seen & Seen.AllData) != Seen.AllData)
        {
            return Failure(IntakeErrorCode.MissingField, $"the DATA_MESSAGE has no {MissingName(seen)}");
        }

        return IntakeResult.Success(new LogBatch(
            type.Value,
            owner ?? string.Empty,
            logGroup ?? string.Empty,
            logStream ?? string.Empty,
            filters ?? [],
            events ?? [],
            policyLevel)
        {
            Undecodable = undecodable ?? [],
        });
    }

    private static Seen FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals(SubscriptionFields.MessageType) ? Seen.MessageType
        : reader.ValueTextEquals(SubscriptionFields.Owner) ? Seen.Owner
        : reader.ValueTextEquals(SubscriptionFields.LogGroup) ? Seen.LogGroup
        : reader.ValueTextEquals(SubscriptionFields.LogStream) ? Seen.LogStream
        : reader.ValueTextEquals(SubscriptionFields.SubscriptionFilters) ? Seen.SubscriptionFilters
        : reader.ValueTextEquals(SubscriptionFields.LogEvents) ? Seen.LogEvents
        : reader.ValueTextEquals(SubscriptionFields.PolicyLevel) ? Seen.PolicyLevel
        : Seen.None;

    private static string MissingName(Seen seen) =>
        (seen & Seen.MessageType) == 0 ? "'messageType'"
        : (seen & Seen.Owner) == 0 ? "'owner'"
        : (seen & Seen.LogGroup) == 0 ? "'logGroup'"
        : (seen & Seen.LogStream) == 0 ? "'logStream'"
        : (seen & Seen.SubscriptionFilters) == 0 ? "'subscriptionFilters'"
        : "'logEvents'";

    private static IntakeError? ReadMessageType(ref Utf8JsonReader reader, out SubscriptionMessageType? type)
    {
        type = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return IntakeError.WrongType("messageType", "a string", reader.TokenType);
        }

        if (reader.ValueTextEquals(SubscriptionFields.DataMessage))
        {
            type = SubscriptionMessageType.DataMessage;
        }
        else if (reader.ValueTextEquals(SubscriptionFields.ControlMessage))
        {
            type = SubscriptionMessageType.ControlMessage;
        }
        else
        {
            return new IntakeError(
                IntakeErrorCode.InvalidValue,
                $"'messageType' must be DATA_MESSAGE or CONTROL_MESSAGE, found '{Clip(JsonText.ReadForMessage(ref reader))}'");
        }

        return null;
    }

    private static IntakeError? ReadString(ref Utf8JsonReader reader, string path, out string? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return IntakeError.WrongType(path, "a string", reader.TokenType);
        }

        // The batch's own names must be text: a group or stream that is not cannot be read back or named.
        value = JsonText.Read(ref reader, out string? problem);
        return problem is null ? null : new IntakeError(IntakeErrorCode.InvalidValue, $"'{path}' {problem}");
    }

    private static IntakeError? ReadOptionalString(ref Utf8JsonReader reader, string path, out string? value)
    {
        value = null;
        return reader.TokenType == JsonTokenType.Null ? null : ReadString(ref reader, path, out value);
    }

    private static IntakeError? ReadFilters(ref Utf8JsonReader reader, out List<string>? filters)
    {
        filters = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return IntakeError.WrongType("subscriptionFilters", "an array", reader.TokenType);
        }

        var names = new List<string>(2);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (names.Count == IntakeLimits.MaxSubscriptionFilters)
            {
                return new IntakeError(
                    IntakeErrorCode.TooLarge,
                    $"'subscriptionFilters' has more than {IntakeLimits.MaxSubscriptionFilters} entries");
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return IntakeError.WrongType($"subscriptionFilters[{names.Count}]", "a string", reader.TokenType);
            }

            string? name = JsonText.Read(ref reader, out string? problem);
            if (problem is not null)
            {
                return new IntakeError(IntakeErrorCode.InvalidValue, $"'subscriptionFilters[{names.Count}]' {problem}");
            }

            names.Add(name!);
        }

        filters = names;
        return null;
    }

    private static IntakeResult Failure(IntakeErrorCode code, string message) => IntakeResult.Failure(code, message);

    private static string Clip(string value) =>
        value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
