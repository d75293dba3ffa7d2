using System.Text;

namespace Remediator.Aws.Signing;

/// <summary>The canonical-request step of SigV4, as pure functions over <see cref="SigV4Request"/>.</summary>
public static class SigV4Canonicalizer
{
    /// <summary>
    /// The canonical request: method, canonical URI, canonical query, canonical headers, signed headers and
    /// payload hash, one per line. Every header in <paramref name="request"/> is signed.
    /// </summary>
    /// <param name="request">The request to canonicalize.</param>
    /// <param name="encodePath">
    /// True for every service but S3: the path is URI-encoded once more (so a wire <c>%3A</c> becomes
    /// <c>%253A</c>, and a raw space becomes <c>%20</c>).
    /// </param>
    /// <param name="normalizePath">True to drop empty, <c>.</c> and <c>..</c> segments first (all services but S3).</param>
    public static string CanonicalRequest(SigV4Request request, bool encodePath = true, bool normalizePath = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = CanonicalHeaderPairs(request.Headers);
        var builder = new StringBuilder(256);
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalUri(request.Path, encodePath, normalizePath)).Append('\n');
        builder.Append(CanonicalQueryString(request.Query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', headers.Select(h => h.Key))).Append('\n');
        builder.Append(request.PayloadHash);
        return builder.ToString();
    }

    /// <summary>The canonical URI for a path; see <see cref="CanonicalRequest"/> for the flags.</summary>
    public static string CanonicalUri(string path, bool encodePath = true, bool normalizePath = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        var value = path.Length == 0 ? "/" : path;
        if (normalizePath)
        {
            value = NormalizePath(value);
        }

        return encodePath ? UriEncode(value, encodeSlash: false) : value;
    }

    /// <summary>Sorted <c>name=value</c> pairs joined by <c>&amp;</c>, each part URI-encoded (RFC 3986 unreserved kept).</summary>
    public static string CanonicalQueryString(IEnumerable<KeyValuePair<string, string>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var encoded = query
            .Select(p => (Name: UriEncode(p.Key, encodeSlash: true), Value: UriEncode(p.Value ?? string.Empty, encodeSlash: true)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', encoded.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>The <c>SignedHeaders</c> value: lower-cased names, sorted, distinct, joined by <c>;</c>.</summary>
    public static string SignedHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Join(';', CanonicalHeaderPairs(headers).Select(h => h.Key));

    /// <summary>
    /// Lower-cased names in ordinal order; repeated headers joined by commas in their original order; values
    /// trimmed with inner runs of whitespace (including folded line breaks) collapsed to one space.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> CanonicalHeaderPairs(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, string>(g.Key, string.Join(',', g.Select(h => CollapseWhitespace(h.Value)))))
            .ToList();
    }

    /// <summary>Percent-encodes UTF-8 bytes of everything but <c>A-Z a-z 0-9 - _ . ~</c> (and <c>/</c> unless asked).</summary>
    public static string UriEncode(string value, bool encodeSlash)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (IsUnreserved(c) || (c == '/' && !encodeSlash))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private const string HexUpper = "0123456789ABCDEF";

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    private static string NormalizePath(string path)
    {
        var kept = new List<string>();
        var segments = path.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                continue;
            }

            kept.Add(segment);
        }

        var last = segments[^1];
        var trailingSlash = kept.Count > 0 && (last.Length == 0 || last == "." || last == "..");
        return "/" + string.Join('/', kept) + (trailingSlash ? "/" : string.Empty);
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
