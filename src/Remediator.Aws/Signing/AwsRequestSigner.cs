using Remediator.Aws.Credentials;

namespace Remediator.Aws.Signing;

/// <summary>Signs an <see cref="HttpRequestMessage"/> in place with SigV4 (header form).</summary>
public static class AwsRequestSigner
{
    /// <summary>
    /// Sets <c>Host</c>, <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (session credentials),
    /// <c>X-Amz-Content-SHA256</c> (when <paramref name="addContentSha256"/>, as S3 requires) and
    /// <c>Authorization</c>. Signs host, content-type and every <c>x-amz-*</c> header. Safe to call again
    /// on the same message: earlier signing headers are replaced.
    /// </summary>
    public static async Task SignAsync(
        HttpRequestMessage request,
        AwsCredentials credentials,
        SigningScope scope,
        CancellationToken cancellationToken,
        bool addContentSha256 = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(scope);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URI must be absolute.", nameof(request));
        }

        var host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
        request.Headers.Host = host;
        request.Headers.Remove(AwsHeaders.Authorization);
        request.Headers.Remove(AwsHeaders.AmzDate);
        request.Headers.Remove(AwsHeaders.SecurityToken);
        request.Headers.Remove(AwsHeaders.ContentSha256);
        request.Headers.TryAddWithoutValidation(AwsHeaders.AmzDate, scope.AmzDate);
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            request.Headers.TryAddWithoutValidation(AwsHeaders.SecurityToken, credentials.SessionToken);
        }

        var payloadHash = request.Content is null
            ? SigV4.EmptyPayloadHash
            : SigV4.HashHex(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (addContentSha256)
        {
            request.Headers.TryAddWithoutValidation(AwsHeaders.ContentSha256, payloadHash);
        }

        var signable = new SigV4Request(request.Method.Method, uri.AbsolutePath, ParseQuery(uri.Query), SignedHeaders(request, host), payloadHash);
        var signature = SigV4.Sign(signable, scope, credentials.SecretAccessKey);
        var authorization = SigV4.AuthorizationHeader(credentials.AccessKeyId, scope, SigV4Canonicalizer.SignedHeaders(signable.Headers), signature);
        request.Headers.TryAddWithoutValidation(AwsHeaders.Authorization, authorization);
    }

    /// <summary>Splits a raw query string (with or without the leading <c>?</c>) into decoded pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return [];
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return pairs;
    }

    private static List<KeyValuePair<string, string>> SignedHeaders(HttpRequestMessage request, string host)
    {
        var headers = new List<KeyValuePair<string, string>> { new("host", host) };
        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                headers.AddRange(header.Value.Select(v => new KeyValuePair<string, string>(header.Key, v)));
            }
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers.Add(new("content-type", contentType.ToString()));
        }

        return headers;
    }
}
