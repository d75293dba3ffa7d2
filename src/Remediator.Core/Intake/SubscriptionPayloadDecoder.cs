using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Remediator.Core.Intake;

/// <summary>
/// The intake boundary: turns a Lambda input (<c>{"awslogs":{"data":"&lt;base64 gzip JSON&gt;"}}</c>) or an
/// already-decoded subscription message into a <see cref="LogBatch"/>, or a typed <see cref="IntakeError"/>.
/// Never throws for bad input; all work is bounded by <see cref="IntakeLimits"/>.
/// </summary>
public static class SubscriptionPayloadDecoder
{
    /// <summary>Decodes a payload given as text.</summary>
    public static IntakeResult Decode(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);

        // Every char takes at least one UTF-8 byte, so the char count alone can refuse an oversized payload.
        if (payload.Length > IntakeLimits.MaxPayloadBytes)
        {
            return TooLargePayload();
        }

        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(payload.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(payload, utf8);
            return Decode(utf8.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>Decodes a payload given as UTF-8 bytes.</summary>
    public static IntakeResult Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > IntakeLimits.MaxPayloadBytes)
        {
            return TooLargePayload();
        }

        ReadOnlySpan<byte> trimmed = payload[LeadingWhitespace(payload)..];
        if (trimmed.StartsWith(Utf8Bom))
        {
            trimmed = trimmed[Utf8Bom.Length..];
        }

        if (LeadingWhitespace(trimmed) == trimmed.Length)
        {
            return IntakeResult.Failure(IntakeErrorCode.Empty, "the payload is empty");
        }

        try
        {
            return DecodeJson(trimmed);
        }
        catch (JsonException ex)
        {
            // The reader reports malformed JSON by throwing; that is an expected outcome here, not a bug.
            return IntakeResult.Failure(IntakeErrorCode.InvalidJson, $"the payload is not valid JSON ({Describe(ex)})");
        }
        catch (InvalidOperationException)
        {
            // Comparing or unescaping a name that is not text (an escaped unpaired surrogate) throws this; an event's
            // text that is not Unicode is that event's problem alone (SubscriptionEventReader), anywhere else the payload's.
            return NotText("the payload");
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    // JSON whitespace (space, tab, CR, LF) at the start. A loop rather than MemoryExtensions.Trim*(span, set):
    // their byte instantiations are not precompiled and were JIT-ed on every cold start.
    private static int LeadingWhitespace(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    private static IntakeResult DecodeJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return IntakeResult.Failure(
                IntakeErrorCode.WrongType, $"the payload must be a JSON object, found {reader.TokenType}");
        }

        // Lambda delivers the envelope; the CLI may also be handed the decoded message itself.
        if (!HasTopLevelProperty(reader, SubscriptionFields.AwsLogs))
        {
            return SubscriptionMessageReader.Read(json);
        }

        byte[]? rented = null;
        try
        {
            IntakeError? error = ReadEnvelope(ref reader, json, ref rented, out ReadOnlySpan<byte> base64);
            return error is null ? DecodeBase64(base64) : IntakeResult.Failure(error);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool HasTopLevelProperty(Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        // The reader is a struct: this scan works on a copy and leaves the caller's position alone.
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>Validates the whole envelope (duplicates, types, trailing content) and locates the base64.</summary>
    private static IntakeError? ReadEnvelope(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref byte[]? rented, out ReadOnlySpan<byte> base64)
    {
        base64 = default;
        bool sawAwsLogs = false;
        bool sawData = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(SubscriptionFields.AwsLogs))
            {
                reader.Skip();
                continue;
            }

            if (sawAwsLogs)
            {
                return new IntakeError(IntakeErrorCode.InvalidValue, "the payload has 'awslogs' twice");
            }

            sawAwsLogs = true;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return new IntakeError(IntakeErrorCode.WrongType, $"'awslogs' must be an object, found {reader.TokenType}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals(SubscriptionFields.Data))
                {
                    reader.Skip();
                    continue;
                }

                if (sawData)
                {
                    return new IntakeError(IntakeErrorCode.InvalidValue, "'awslogs' has 'data' twice");
                }

                sawData = true;
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    return new IntakeError(
                        IntakeErrorCode.WrongType, $"'awslogs.data' must be a string, found {reader.TokenType}");
                }

                if (reader.ValueIsEscaped)
                {
                    // Some serializers write "\/" for "/"; base64 must be unescaped before decoding.
                    rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
                    base64 = rented.AsSpan(0, reader.CopyString(rented));
                }
                else
                {
                    base64 = json.Slice(checked((int)reader.TokenStartIndex + 1), reader.ValueSpan.Length);
                }
            }
        }

        // Anything after the closing brace makes the reader throw, which the boundary reports as bad JSON.
        reader.Read();
        return sawData ? null : new IntakeError(IntakeErrorCode.MissingField, "'awslogs' has no 'data'");
    }

    private static IntakeResult DecodeBase64(ReadOnlySpan<byte> base64)
    {
        if (base64.IsEmpty)
        {
            return IntakeResult.Failure(IntakeErrorCode.InvalidBase64, "'awslogs.data' is empty");
        }

        byte[] compressed = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(base64.Length));
        try
        {
            OperationStatus status = Base64.DecodeFromUtf8(base64, compressed, out _, out int written);
            return status == OperationStatus.Done
                ? DecodeCompressed(compressed.AsSpan(0, written))
                : IntakeResult.Failure(IntakeErrorCode.InvalidBase64, $"'awslogs.data' is not valid base64 ({status})");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    private static IntakeResult DecodeCompressed(ReadOnlySpan<byte> gzip)
    {
        BoundedGzip.Outcome outcome = BoundedGzip.Inflate(gzip, IntakeLimits.MaxDecompressedBytes, out byte[]? inflated, out int length);
        try
        {
            return outcome switch
            {
                BoundedGzip.Outcome.Inflated => DecodeMessage(inflated.AsSpan(0, length)),
                BoundedGzip.Outcome.TooLarge => IntakeResult.Failure(
                    IntakeErrorCode.TooLarge,
                    $"the decompressed message exceeds {IntakeLimits.MaxDecompressedBytes} bytes; inflation was stopped there"),
                BoundedGzip.Outcome.NotGzip => IntakeResult.Failure(
                    IntakeErrorCode.InvalidGzip, "'awslogs.data' does not decode to gzip (no 1f 8b 08 header)"),
                BoundedGzip.Outcome.Truncated => IntakeResult.Failure(
                    IntakeErrorCode.InvalidGzip, "the gzip stream is truncated (its length trailer does not match)"),
                _ => IntakeResult.Failure(IntakeErrorCode.InvalidGzip, "the gzip stream is corrupt"),
            };
        }
        finally
        {
            if (inflated is not null)
            {
                ArrayPool<byte>.Shared.Return(inflated);
            }
        }
    }

    private static IntakeResult DecodeMessage(ReadOnlySpan<byte> json)
    {
        try
        {
            return SubscriptionMessageReader.Read(json);
        }
        catch (JsonException ex)
        {
            return IntakeResult.Failure(
                IntakeErrorCode.InvalidJson, $"the decompressed message is not valid JSON ({Describe(ex)})");
        }
        catch (InvalidOperationException)
        {
            return NotText("the decompressed message");
        }
    }

    private static IntakeResult NotText(string what) => IntakeResult.Failure(
        IntakeErrorCode.InvalidValue, $"{what} has a field name or value that is not valid Unicode text");

    internal static JsonReaderOptions ReaderOptions => new()
    {
        MaxDepth = IntakeLimits.MaxJsonDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static IntakeResult TooLargePayload() => IntakeResult.Failure(
        IntakeErrorCode.TooLarge, $"the payload exceeds {IntakeLimits.MaxPayloadBytes} bytes");

    private static string Describe(JsonException ex) =>
        ex.BytePositionInLine is { } position ? $"at byte {position} of line {ex.LineNumber + 1}" : "unexpected token";
}
