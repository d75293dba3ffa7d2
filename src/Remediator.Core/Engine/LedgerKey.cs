using System.Security.Cryptography;
using System.Text;
using Remediator.Core.Configuration;
using Remediator.Core.Diagnosis;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// The ledger key of a root cause: what a pass claims, counts attempts and failures on, escalates, spaces
/// notifications by, and reads the function policy once for.
/// </summary>
/// <remarks>
/// A failure the control plane resolved to one target is keyed on that target's verified values, the same
/// ones its grant's source ARN and statement id derive from: the API, the stage scope, the method as
/// configured (or <c>ANY</c>) with the resource template, or the route key, or the authorizer id, and the
/// function with its qualifier. The logged concrete path, method and function never enter it, so
/// <c>/pets/1</c>, <c>/pets/2</c>, ... of <c>GET /pets/{id}</c> are one record across batches: a storm of
/// distinct paths costs one claim and one policy read, and cannot reset the escalation count or the
/// notification interval. A finding no single target was resolved for (a kind no grant fixes, a failed
/// resolution, a stage sweep) keeps its diagnosis fingerprint (<see cref="Finding.Fingerprint"/>).
/// </remarks>
internal static class LedgerKey
{
    private const string Version = "remediator-target-v1";

    /// <summary>The key of <paramref name="target"/> for findings of <paramref name="kind"/>, under <paramref name="scope"/>.</summary>
    public static string ForTarget(FindingKind kind, ResolvedTarget target, StageScope scope)
    {
        ArgumentNullException.ThrowIfNull(target);

        // With stage scope "any" the grant is the same for every stage, so is the root cause.
        string stage = scope == StageScope.Stage ? target.Stage : "*";
        var canonical = new StringBuilder(Version);
        Append(canonical, kind.ToString());
        Append(canonical, target.Api.Region);
        Append(canonical, target.Api.AccountId);
        Append(canonical, target.Api.ApiId);
        Append(canonical, stage);
        Append(canonical, target.Kind.ToString());
        Append(canonical, target.HttpMethod);
        Append(canonical, target.ResourcePath);
        Append(canonical, target.RouteKey);
        Append(canonical, target.AuthorizerId);
        Append(canonical, target.Function.Status.ToString());
        Append(canonical, target.Function.Function?.Arn);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    // Length-prefixed, "-1" for absent: no two different value lists encode alike (as RootCauseKey does).
    private static void Append(StringBuilder canonical, string? value) =>
        canonical.Append('|').Append(value is null ? -1 : value.Length).Append(':').Append(value);
}
