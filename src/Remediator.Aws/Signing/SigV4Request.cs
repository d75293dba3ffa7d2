namespace Remediator.Aws.Signing;

/// <summary>
/// A request as SigV4 sees it, independent of any HTTP stack: used both to sign outgoing calls and to
/// verify incoming ones (the sandbox).
/// </summary>
/// <param name="Method">HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Path">The path exactly as sent on the wire (already percent-encoded, no query).</param>
/// <param name="Query">Query parameters, decoded (names and values as plain text); order does not matter.</param>
/// <param name="Headers">The headers to sign, in the order they appear; repeated names are allowed.</param>
/// <param name="PayloadHash">Lower-case hex SHA-256 of the body, or <c>UNSIGNED-PAYLOAD</c>.</param>
public sealed record SigV4Request(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash);
