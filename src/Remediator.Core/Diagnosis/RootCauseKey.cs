using System.Security.Cryptography;
using System.Text;
using Remediator.Core.Configuration;
using Remediator.Core.Policy;
using Remediator.Core.Verification;

namespace Remediator.Core.Diagnosis;

/// <summary>
/// The identity of a root cause: what the ledger claims, counts attempts on and spaces notifications by.
/// Three constructors over one hash (docs/ARCHITECTURE.md, "Ledger and root-cause key"): from the log
/// (<see cref="Of"/>, <see cref="Fingerprint"/>), for a verified target (<see cref="ForTarget"/>) and for a
/// function that fails by itself (<see cref="ForFunction"/>).
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
    private const string LogVersion = "remediator-root-cause-v1";
    private const string TargetVersion = "remediator-target-v1";
    private const string FunctionVersion = "remediator-function-v1";

    /// <summary>The key of what the log says, dropping method and path when a route key identifies the route.</summary>
    public static RootCauseKey Of(
        FindingKind kind, string? apiId, string? stage, string? httpMethod, string? resourcePath, string? routeKey, string? functionArn) =>
        routeKey is null
            ? new(kind, apiId, stage, httpMethod, resourcePath, null, functionArn)
            : new(kind, apiId, stage, null, null, routeKey, functionArn);

    /// <summary>The hash of what the log says (64 lower-case hex characters).</summary>
    public string Fingerprint => Hash(LogVersion, Kind.ToString(), ApiId, Stage, HttpMethod, ResourcePath, RouteKey, FunctionArn);

    /// <summary>
    /// The key of a failure the control plane resolved to <paramref name="target"/>: its verified values, the
    /// ones its grant derives from, never the logged concrete path (so every id behind <c>/pets/{id}</c> is one key).
    /// </summary>
    public static string ForTarget(FindingKind kind, ResolvedTarget target, StageScope scope)
    {
        ArgumentNullException.ThrowIfNull(target);

        // Under stage scope "any" the grant is the same for every stage, so is the root cause; an authorizer's
        // grant names only the API and the authorizer, so every method, route and stage using it shares its key.
        bool authorizer = target.Kind == TargetKind.Authorizer;
        return Hash(
            TargetVersion,
            kind.ToString(),
            target.Api.Region,
            target.Api.AccountId,
            target.Api.ApiId,
            scope == StageScope.Stage && !authorizer ? target.Stage : "*",
            target.Kind.ToString(),
            authorizer ? null : target.HttpMethod,
            authorizer ? null : target.ResourcePath,
            authorizer ? null : target.RouteKey,
            target.AuthorizerId,
            target.Lambda.Status.ToString(),
            target.Lambda.Function?.Arn);
    }

    /// <summary>The key of a failure of <paramref name="kind"/> that <paramref name="function"/> (with its qualifier) causes itself: one per broken function and kind.</summary>
    public static string ForFunction(FindingKind kind, LambdaFunctionArn function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Hash(FunctionVersion, kind.ToString(), function.UnqualifiedArn, function.Qualifier);
    }

    // Versioned and length-prefixed, "-1" for absent: no two different value lists encode alike.
    private static string Hash(string version, params string?[] values)
    {
        var canonical = new StringBuilder(version);
        foreach (string? value in values)
        {
            canonical.Append('|').Append(value is null ? -1 : value.Length).Append(':').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
