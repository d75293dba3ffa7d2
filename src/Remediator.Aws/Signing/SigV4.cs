using System.Security.Cryptography;
using System.Text;

namespace Remediator.Aws.Signing;

/// <summary>The cryptographic steps of SigV4: string to sign, signing key, signature.</summary>
public static class SigV4
{
    /// <summary>The only algorithm this signer speaks.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The last element of every credential scope.</summary>
    public const string Terminator = "aws4_request";

    /// <summary>The payload hash of an empty body.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Marker for a body that is not part of the signature (S3 only).</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>Lower-case hex SHA-256 of bytes.</summary>
    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of a string.</summary>
    public static string HashHex(string text) => HashHex(Encoding.UTF8.GetBytes(text));

    /// <summary><c>AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{hex(sha256(canonicalRequest))}</c>.</summary>
    public static string StringToSign(string canonicalRequest, SigningScope scope)
    {
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        ArgumentNullException.ThrowIfNull(scope);
        return $"{Algorithm}\n{scope.AmzDate}\n{scope.CredentialScope}\n{HashHex(canonicalRequest)}";
    }

    /// <summary>HMAC chain over date, region, service and <c>aws4_request</c>, keyed by <c>AWS4{secret}</c>.</summary>
    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        return Hmac(key, Terminator);
    }

    /// <summary>The signing key for a scope.</summary>
    public static byte[] SigningKey(string secretAccessKey, SigningScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return SigningKey(secretAccessKey, scope.Date, scope.Region, scope.Service);
    }

    /// <summary>Lower-case hex HMAC-SHA256 of the string to sign.</summary>
    public static string Signature(byte[] signingKey, string stringToSign) => Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

    /// <summary>All steps at once: the signature of a request for a scope and secret.</summary>
    public static string Sign(SigV4Request request, SigningScope scope, string secretAccessKey, bool encodePath = true, bool normalizePath = true)
    {
        var canonical = SigV4Canonicalizer.CanonicalRequest(request, encodePath, normalizePath);
        return Signature(SigningKey(secretAccessKey, scope), StringToSign(canonical, scope));
    }

    /// <summary>The <c>Authorization</c> header value: <c>AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c>.</summary>
    public static string AuthorizationHeader(string accessKeyId, SigningScope scope, string signedHeaders, string signature)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return $"{Algorithm} Credential={accessKeyId}/{scope.CredentialScope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
