using System.Globalization;
using Remediator.Aws.Signing;
using Remediator.Sandbox.Http;

namespace Remediator.Sandbox.Auth;

/// <summary>
/// The authentication errors AWS returns, per protocol. JSON 1.1 services (Logs, SSM) answer these with
/// 400 like every Coral service; rest-json (Lambda, API Gateway) and query (SNS, STS) answer with 403.
/// </summary>
internal static class AuthErrors
{
    public const string SignatureMismatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public const string InvalidTokenMessage = "The security token included in the request is invalid.";

    public static ServiceError MissingToken(AwsProtocol protocol) => protocol switch
    {
        AwsProtocol.RestJson => new ServiceError(403, "MissingAuthenticationTokenException", "Missing Authentication Token"),
        AwsProtocol.Json11 or AwsProtocol.Json10 => new ServiceError(400, "MissingAuthenticationTokenException", "Request is missing Authentication Token"),
        _ => new ServiceError(403, "MissingAuthenticationToken", "Request is missing Authentication Token"),
    };

    public static ServiceError Incomplete(AwsProtocol protocol, string message) => protocol switch
    {
        AwsProtocol.RestJson => new ServiceError(403, "IncompleteSignatureException", message),
        AwsProtocol.Json11 or AwsProtocol.Json10 => new ServiceError(400, "IncompleteSignatureException", message),
        _ => new ServiceError(400, "IncompleteSignature", message),
    };

    public static ServiceError UnknownAccessKey(AwsProtocol protocol) => protocol switch
    {
        AwsProtocol.RestJson => new ServiceError(403, "UnrecognizedClientException", InvalidTokenMessage),
        AwsProtocol.Json11 or AwsProtocol.Json10 => new ServiceError(400, "UnrecognizedClientException", InvalidTokenMessage),
        _ => new ServiceError(403, "InvalidClientTokenId", InvalidTokenMessage),
    };

    public static ServiceError BadSignature(AwsProtocol protocol, string message) => protocol switch
    {
        AwsProtocol.RestJson => new ServiceError(403, "InvalidSignatureException", message),
        AwsProtocol.Json11 or AwsProtocol.Json10 => new ServiceError(400, "InvalidSignatureException", message),
        _ => new ServiceError(403, "SignatureDoesNotMatch", message),
    };

    /// <summary>AWS's wording for a request signed too long ago or too far ahead.</summary>
    public static string ExpiredMessage(DateTimeOffset signedAt, DateTimeOffset now, TimeSpan skew)
    {
        var signed = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var current = new SigningScope(now, string.Empty, string.Empty).AmzDate;
        var minutes = (int)skew.TotalMinutes;
        return signedAt < now
            ? $"Signature expired: {signed} is now earlier than {new SigningScope(now - skew, string.Empty, string.Empty).AmzDate} ({current} - {minutes} min.)"
            : $"Signature not yet current: {signed} is still later than {new SigningScope(now + skew, string.Empty, string.Empty).AmzDate} ({current} + {minutes} min.)";
    }

    /// <summary>AWS's wording for an Authorization header that lacks parts, listing each missing one.</summary>
    public static string IncompleteMessage(string authorization, bool hasDate)
    {
        var parts = new List<string>();
        foreach (var name in new[] { "Credential", "Signature", "SignedHeaders" })
        {
            if (!authorization.Contains(name + "=", StringComparison.Ordinal))
            {
                parts.Add($"Authorization header requires '{name}' parameter.");
            }
        }

        if (!hasDate)
        {
            parts.Add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (parts.Count == 0)
        {
            parts.Add($"Authorization header is not a valid {SigV4.Algorithm} header.");
        }

        return $"{string.Join(' ', parts)} Authorization={authorization}";
    }
}
