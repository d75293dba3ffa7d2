using System.Text;
using System.Text.Json;

namespace Remediator.Core.Diagnosis;

/// <summary>
/// How a throttled Lambda invocation shows in the lines API Gateway logs around it: Lambda's error-type
/// header <c>x-amzn-ErrorType=TooManyRequestsException</c> among the endpoint response headers, and its error
/// document <c>{"Reason": ..., "Type": "User", "message": "Rate Exceeded."}</c> as the endpoint response body.
/// The headers are Lambda's own; the function cannot set them. The body only counts when it is exactly that document.
/// </summary>
internal static class LambdaThrottle
{
    /// <summary>The reasons Lambda gives for throttling an invocation (<c>TooManyRequestsException.Reason</c>).</summary>
    public static readonly IReadOnlyList<string> Reasons =
    [
        "ConcurrentInvocationLimitExceeded",
        "FunctionInvocationRateLimitExceeded",
        "ReservedFunctionConcurrentInvocationLimitExceeded",
        "ReservedFunctionInvocationRateLimitExceeded",
        "CallerRateLimitExceeded",
        "ConcurrentSnapshotCreateLimitExceeded",
    ];

    private const int MaxBodyChars = 4096;

    /// <summary>True when the header map after <c>Endpoint response headers: {</c> has the throttling error type.</summary>
    public static bool HeadersSayThrottled(ReadOnlySpan<char> map)
    {
        ReadOnlySpan<char> key = LogText.ThrottledErrorTypeHeader;
        for (int at = map.IndexOf(key, StringComparison.OrdinalIgnoreCase); at >= 0;)
        {
            // An entry starts the map or follows ", "; its value runs to the next ", " or the closing brace.
            bool entryStart = at == 0 || map[..at].EndsWith(", ", StringComparison.Ordinal);
            ReadOnlySpan<char> rest = map[(at + key.Length)..];
            if (entryStart && rest.StartsWith("=" + LogText.ThrottledErrorType, StringComparison.Ordinal))
            {
                ReadOnlySpan<char> after = rest[(1 + LogText.ThrottledErrorType.Length)..];
                if (after.IsEmpty || after[0] is ',' or '}')
                {
                    return true;
                }
            }

            int next = rest.IndexOf(key, StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + key.Length + next;
        }

        return false;
    }

    /// <summary>
    /// The <c>Reason</c> of a logged response body that is exactly Lambda's throttling document (three keys,
    /// a known reason, type <c>User</c>); null for anything else.
    /// </summary>
    public static string? ReasonOf(ReadOnlySpan<char> body)
    {
        body = body.Trim();
        if (body.IsEmpty || body.Length > MaxBodyChars || body[0] != '{')
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body.ToString()), new JsonReaderOptions { MaxDepth = 2 });
            string? reason = null, type = null, message = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return null;
                }

                string value = reader.GetString()!;
                switch (name)
                {
                    case "Reason" when reason is null:
                        reason = value;
                        break;
                    case "Type" when type is null:
                        type = value;
                        break;
                    case "message" when message is null:
                        message = value;
                        break;
                    default:
                        return null;
                }
            }

            bool complete = reader.TokenType == JsonTokenType.EndObject && !reader.Read();
            return complete && type == "User" && message is not null && Phrase.IsWhole(message, LogText.RateExceededDetail)
                ? Reasons.FirstOrDefault(known => string.Equals(known, reason, StringComparison.Ordinal))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
