using Remediator.Aws.Signing;

namespace Remediator.Aws.Http;

/// <summary>Builds wire paths from plain segments.</summary>
public static class AwsPath
{
    /// <summary>
    /// Joins segments with <c>/</c>, percent-encoding each (so <c>:</c> in an ARN becomes <c>%3A</c> and a
    /// <c>/</c> inside a segment becomes <c>%2F</c>).
    /// </summary>
    public static string Of(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return "/" + string.Join('/', segments.Select(s => SigV4Canonicalizer.UriEncode(s, encodeSlash: true)));
    }

    /// <summary>Query string (without <c>?</c>) with names and values encoded as SigV4 canonicalizes them.</summary>
    public static string Query(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => SigV4Canonicalizer.UriEncode(p.Key, encodeSlash: true) + "=" + SigV4Canonicalizer.UriEncode(p.Value, encodeSlash: true)));
}
