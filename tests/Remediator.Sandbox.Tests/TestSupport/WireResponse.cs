using System.Text.Json;
using System.Xml.Linq;

namespace Remediator.Sandbox.Tests.TestSupport;

/// <summary>A response as a client sees it, with the error code read the way each protocol carries it.</summary>
public sealed record WireResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>rest-json: <c>X-Amzn-Errortype</c>; JSON 1.1: <c>__type</c>; query: <c>ErrorResponse/Error/Code</c>.</summary>
    public string? ErrorCode
    {
        get
        {
            if (Header("X-Amzn-Errortype") is { } header)
            {
                return header;
            }

            if (Body.StartsWith('<'))
            {
                return XDocument.Parse(Body).Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
            }

            return Body.StartsWith('{') && Json.TryGetProperty("__type", out var type) ? type.GetString() : null;
        }
    }

    /// <summary>The error message from <c>message</c>/<c>Message</c> or the XML <c>Message</c>.</summary>
    public string? ErrorMessage =>
        Body.StartsWith('<')
            ? XDocument.Parse(Body).Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value
            : Json.TryGetProperty("message", out var m) ? m.GetString() : Json.TryGetProperty("Message", out var m2) ? m2.GetString() : null;

    /// <summary>The text of the first XML element with this local name.</summary>
    public string? Xml(string localName) =>
        XDocument.Parse(Body).Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}
