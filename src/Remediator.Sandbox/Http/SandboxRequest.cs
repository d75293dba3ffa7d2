using System.Text;

namespace Remediator.Sandbox.Http;

/// <summary>An incoming request, read fully, in the form every handler works with.</summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="RawPath">The path exactly as sent (percent-encoded), used for signature checks.</param>
/// <param name="Segments">The path split on <c>/</c>, each segment percent-decoded once.</param>
/// <param name="Query">Decoded query parameters in wire order; names may repeat.</param>
/// <param name="Headers">Every header in wire order; names may repeat.</param>
/// <param name="Body">The raw body.</param>
/// <param name="RequestId">The id the sandbox answers with (<c>x-amzn-RequestId</c>).</param>
internal sealed record SandboxRequest(
    string Method,
    string RawPath,
    IReadOnlyList<string> Segments,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string RequestId)
{
    /// <summary>Who signed the request, once it is authenticated (null before, and for unsigned side-channel requests).</summary>
    public Accounts.SandboxCaller? Caller { get; init; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The first value of a header (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The first value of a query parameter (case-sensitive, as AWS is), or null.</summary>
    public string? QueryValue(string name) =>
        Query.FirstOrDefault(q => q.Key.Equals(name, StringComparison.Ordinal)).Value;

    /// <summary>Every value of a repeated query parameter.</summary>
    public IReadOnlyList<string> QueryValues(string name) =>
        Query.Where(q => q.Key.Equals(name, StringComparison.Ordinal)).Select(q => q.Value).ToList();

    /// <summary>Splits a raw path into percent-decoded segments, dropping the leading empty one.</summary>
    public static IReadOnlyList<string> SplitPath(string rawPath)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        var trimmed = rawPath.StartsWith('/') ? rawPath[1..] : rawPath;
        return trimmed.Length == 0
            ? []
            : trimmed.Split('/').Select(Uri.UnescapeDataString).ToList();
    }
}
