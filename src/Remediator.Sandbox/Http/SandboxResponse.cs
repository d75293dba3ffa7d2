using System.Text;

namespace Remediator.Sandbox.Http;

/// <summary>What the sandbox writes back: status, content type, body and extra headers.</summary>
internal sealed record SandboxResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>A response with no body (e.g. 204).</summary>
    public static SandboxResponse Empty(int status) =>
        new(status, "application/json", [], new Dictionary<string, string>());

    /// <summary>A text response.</summary>
    public static SandboxResponse Text(int status, string contentType, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, contentType, Encoding.UTF8.GetBytes(body), headers ?? new Dictionary<string, string>());

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>A copy with one more header.</summary>
    public SandboxResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };
}
