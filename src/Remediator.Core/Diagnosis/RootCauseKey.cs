using System.Security.Cryptography;
using System.Text;

namespace Remediator.Core.Diagnosis;

/// <summary>
/// What makes two failures the same root cause: kind, API, stage, function hint, and the route key when
/// the logs carry one, else the method and concrete path.
/// </summary>
public readonly record struct RootCauseKey(
    FindingKind Kind,
    string? ApiId,
    string? Stage,
    string? HttpMethod,
    string? ResourcePath,
    string? RouteKey,
    string? FunctionArn)
{
    /// <summary>Builds the key, dropping method and path when a route key identifies the route.</summary>
    public static RootCauseKey Of(
        FindingKind kind, string? apiId, string? stage, string? httpMethod, string? resourcePath, string? routeKey, string? functionArn) =>
        routeKey is null
            ? new(kind, apiId, stage, httpMethod, resourcePath, null, functionArn)
            : new(kind, apiId, stage, null, null, routeKey, functionArn);

    /// <summary>
    /// Lower-case hex SHA-256 of a versioned, length-prefixed encoding of the key: bounded (64 characters),
    /// unambiguous, and the same in every process.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var canonical = new StringBuilder("remediator-root-cause-v1");
            Append(canonical, Kind.ToString());
            Append(canonical, ApiId);
            Append(canonical, Stage);
            Append(canonical, HttpMethod);
            Append(canonical, ResourcePath);
            Append(canonical, RouteKey);
            Append(canonical, FunctionArn);
            byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
            return Convert.ToHexStringLower(hash);
        }
    }

    private static void Append(StringBuilder canonical, string? value)
    {
        // Null and empty differ: "-1" marks an absent value, otherwise the length precedes the text.
        canonical.Append('|').Append(value is null ? -1 : value.Length).Append(':').Append(value);
    }
}
