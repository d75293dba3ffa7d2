namespace Remediator.Sandbox.Http;

/// <summary>One AWS call as it crossed the wire: the request exactly as sent and the answer exactly as written.</summary>
/// <param name="Service">The sandbox's service name (<c>lambda</c>, <c>apigateway</c>, <c>apigatewayv2</c>, <c>logs</c>, ...).</param>
/// <param name="Operation">The operation the sandbox resolved, e.g. <c>GetPolicy</c>.</param>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="RawTarget">Path and query exactly as sent (percent-encoded).</param>
/// <param name="Headers">Every request header in wire order.</param>
/// <param name="Body">The request body.</param>
/// <param name="Status">The response status.</param>
/// <param name="ResponseHeaders">The response headers the sandbox set, content type included.</param>
/// <param name="ResponseBody">The response body.</param>
public sealed record SandboxExchange(
    string Service,
    string Operation,
    string Method,
    string RawTarget,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    byte[] ResponseBody)
{
    /// <summary>The first value of a request header (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
