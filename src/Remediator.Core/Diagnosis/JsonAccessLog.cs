using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Remediator.Core.Diagnosis;

/// <summary>
/// Reads an HTTP API access-log line in the recommended JSON format. Missing keys, extra keys and <c>-</c>
/// placeholders are tolerated; a repeated known key (the sign of a value that broke out of its quotes) is not.
/// </summary>
internal static class JsonAccessLog
{
    private const int MaxLineBytes = 256 * 1024;

    private enum Field
    {
        None,
        RequestId,
        ApiId,
        Stage,
        RouteKey,
        HttpMethod,
        Path,
        Status,
        IntegrationErrorMessage,
        ErrorMessage,
        AuthorizerError,
        Count,
    }

    public static bool TryRead(string line, out AccessLogFailure failure)
    {
        failure = default;
        if (line.Length > MaxLineBytes / 3)
        {
            return false;
        }

        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(line, utf8);
            return TryRead(utf8.AsSpan(0, length), out failure);
        }
        catch (JsonException)
        {
            // Not JSON after all: an unrelated line, not an error.
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private static bool TryRead(ReadOnlySpan<byte> json, out AccessLogFailure failure)
    {
        failure = default;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var values = new string?[(int)Field.Count];
        var seen = new bool[(int)Field.Count];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            Field field = FieldOf(ref reader);
            reader.Read();
            if (field == Field.None)
            {
                reader.Skip();
                continue;
            }

            if (seen[(int)field])
            {
                return false;
            }

            seen[(int)field] = true;
            values[(int)field] = ValueOf(ref reader);
        }

        reader.Read();
        FindingKind? kind = AccessLogMessages.Classify(values[(int)Field.IntegrationErrorMessage], integrationField: true)
            ?? AccessLogMessages.Classify(values[(int)Field.AuthorizerError], integrationField: false)
            ?? AccessLogMessages.Classify(values[(int)Field.ErrorMessage], integrationField: false);
        if (kind is null || !IsServerErrorOrAbsent(values[(int)Field.Status]))
        {
            return false;
        }

        failure = new AccessLogFailure(
            kind.Value,
            values[(int)Field.RequestId],
            values[(int)Field.ApiId],
            values[(int)Field.Stage],
            values[(int)Field.HttpMethod],
            values[(int)Field.Path],
            values[(int)Field.RouteKey]);
        return true;
    }

    private static Field FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("requestId"u8) ? Field.RequestId
        : reader.ValueTextEquals("apiId"u8) ? Field.ApiId
        : reader.ValueTextEquals("stage"u8) ? Field.Stage
        : reader.ValueTextEquals("routeKey"u8) ? Field.RouteKey
        : reader.ValueTextEquals("httpMethod"u8) ? Field.HttpMethod
        : reader.ValueTextEquals("path"u8) ? Field.Path
        : reader.ValueTextEquals("status"u8) ? Field.Status
        : reader.ValueTextEquals("integrationErrorMessage"u8) || reader.ValueTextEquals("integrationError"u8)
            ? Field.IntegrationErrorMessage
        : reader.ValueTextEquals("errorMessage"u8) ? Field.ErrorMessage
        : reader.ValueTextEquals("authorizerError"u8) ? Field.AuthorizerError
        : Field.None;

    /// <summary>Strings and numbers as text; <c>-</c>, null and anything nested as absent.</summary>
    private static string? ValueOf(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                string? text = reader.GetString();
                return text is null || text == LogText.AccessLogPlaceholder || text.Length == 0
                    ? null
                    : ExecutionLine.Clip(text);
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    // Every catalogued HTTP API failure is a 5xx; a line that says otherwise is not trusted.
    private static bool IsServerErrorOrAbsent(string? status) =>
        status is null || (status.Length == 3 && status[0] == '5' && Chars.AreAll(status, Chars.Digits));
}
