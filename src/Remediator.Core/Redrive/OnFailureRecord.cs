using System.Text.Json;

namespace Remediator.Core.Redrive;

/// <summary>
/// The invocation record Lambda sends to an asynchronous invocation's on-failure destination:
/// <c>{"version":"1.0","timestamp":…,"requestContext":{"requestId","functionArn","condition","approximateInvokeCount"},
/// "requestPayload":&lt;the original event&gt;,"responseContext":{…},"responsePayload":{…}}</c> (AWS Lambda Developer
/// Guide, "Capturing records of Lambda asynchronous invocations", example invocation record).
/// </summary>
/// <param name="RequestId">The failed invocation's request id (the one its retries reused).</param>
/// <param name="Condition">Why Lambda gave up: <c>RetriesExhausted</c> or <c>EventAgeExceeded</c>.</param>
/// <param name="Payload">The original event, as JSON text.</param>
public sealed record OnFailureRecord(string RequestId, string? Condition, string Payload)
{
    /// <summary>The record in <paramref name="body"/>, or why it is not one.</summary>
    public static Result<OnFailureRecord, string> Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("requestContext", out JsonElement context)
                || context.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("requestPayload", out JsonElement payload))
            {
                return Result<OnFailureRecord, string>.Failure("not a Lambda on-failure invocation record (no requestContext and requestPayload)");
            }

            string? requestId = Text(context, "requestId");
            if (requestId is not { Length: > 0 })
            {
                return Result<OnFailureRecord, string>.Failure("the record's requestContext has no requestId");
            }

            // Lambda keeps a JSON event as JSON; anything else it passed on as a string.
            string? original = payload.ValueKind switch
            {
                JsonValueKind.Object or JsonValueKind.Array => payload.GetRawText(),
                JsonValueKind.String => payload.GetString(),
                _ => null,
            };
            return original is { Length: > 0 }
                ? Result<OnFailureRecord, string>.Success(new OnFailureRecord(requestId, Text(context, "condition"), original))
                : Result<OnFailureRecord, string>.Failure("the record carries no requestPayload (the original event)");
        }
        catch (JsonException)
        {
            return Result<OnFailureRecord, string>.Failure("the message body is not JSON");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
