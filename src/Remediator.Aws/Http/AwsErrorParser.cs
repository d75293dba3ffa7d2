using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Remediator.Aws.Signing;
using Remediator.Core.Ports;

namespace Remediator.Aws.Http;

/// <summary>
/// Turns a non-2xx answer into an <see cref="AwsServiceException"/>, whichever of the three error shapes it
/// uses: rest-json (<c>X-Amzn-Errortype</c> header, body <c>code</c>/<c>message</c>), JSON 1.0/1.1
/// (<c>__type</c>) or query XML (<c>ErrorResponse/Error/Code</c>).
/// </summary>
public static class AwsErrorParser
{
    /// <summary>Parses the error; never throws, falling back to <c>Http{status}</c> for bodies it cannot read.</summary>
    public static AwsServiceException Parse(
        string service,
        string operation,
        int statusCode,
        IReadOnlyDictionary<string, string> headers,
        ReadOnlySpan<byte> body,
        TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var headerCode = headers.TryGetValue(AwsHeaders.ErrorType, out var errorType) ? CleanCode(errorType) : null;
        var requestId = headers.TryGetValue(AwsHeaders.RequestId, out var id) ? id : headers.TryGetValue(AwsHeaders.AmzRequestId, out var id2) ? id2 : null;
        var (bodyCode, message, bodyRequestId) = LooksLikeXml(body) ? FromXml(body) : FromJson(body);
        var code = headerCode ?? bodyCode ?? $"Http{statusCode}";
        var text = message ?? (body.IsEmpty ? string.Empty : Truncate(Encoding.UTF8.GetString(body)));
        return new AwsServiceException(service, operation, code, statusCode, text, requestId ?? bodyRequestId, retryAfter);
    }

    /// <summary>
    /// Drops the namespace (<c>com.amazonaws.logs#</c>) and the URL suffix (<c>:http://internal...</c>) that
    /// services add around an error code.
    /// </summary>
    public static string? CleanCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = raw.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Length == 0 ? null : code;
    }

    private static (string? Code, string? Message, string? RequestId) FromJson(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, null, null);
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            var root = document.RootElement;
            var code = CleanCode(StringProperty(root, "__type") ?? StringProperty(root, "code") ?? StringProperty(root, "Code"));
            var message = StringProperty(root, "message") ?? StringProperty(root, "Message") ?? StringProperty(root, "errorMessage");
            return (code, message, null);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static (string? Code, string? Message, string? RequestId) FromXml(ReadOnlySpan<byte> body)
    {
        try
        {
            var document = XDocument.Parse(Encoding.UTF8.GetString(body));
            var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            var requestId = document.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
            return (CleanCode(Child(error, "Code")), Child(error, "Message"), requestId);
        }
        catch (XmlException)
        {
            return (null, null, null);
        }
    }

    private static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool LooksLikeXml(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[0] == (byte)'<';
    }

    private static string Truncate(string text) => text.Length <= 512 ? text : text[..512];
}
