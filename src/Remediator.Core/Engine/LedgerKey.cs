using System.Security.Cryptography;
using System.Text;
using Remediator.Core.Configuration;
using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// The ledger key of a root cause: what a pass claims, counts attempts and failures on, escalates, spaces
/// notifications by, and reads the function policy once for.
/// </summary>
/// <remarks>
/// A failure the control plane resolved to one target is keyed on that target's verified values, the same
/// ones its grant's source ARN and statement id derive from: the API, the stage scope, the method as
/// configured (or <c>ANY</c>) with the resource template, or the route key, or (for an authorizer, whatever
/// method, route or stage it guarded) the authorizer id, and the function with its qualifier. The logged concrete path, method and function never enter it, so
/// <c>/pets/1</c>, <c>/pets/2</c>, ... of <c>GET /pets/{id}</c> are one record across batches: a storm of
/// distinct paths costs one claim and one policy read, and cannot reset the escalation count or the
/// notification interval. A failure the function itself causes (<see cref="Decisions.KindRules.IsFunctionFault"/>)
/// is keyed on the kind and the function with its qualifier alone (<see cref="ForFunction"/>). A finding no
/// single target was resolved for (a failed resolution, a stage sweep, a log the control plane contradicts)
/// keeps its diagnosis fingerprint (<see cref="Finding.Fingerprint"/>).
/// </remarks>
internal static class LedgerKey
{
    private const string Version = "remediator-target-v1";
    private const string FunctionVersion = "remediator-function-v1";

    /// <summary>The key of <paramref name="target"/> for findings of <paramref name="kind"/>, under <paramref name="scope"/>.</summary>
    public static string ForTarget(FindingKind kind, ResolvedTarget target, StageScope scope)
    {
        ArgumentNullException.ThrowIfNull(target);

        // With stage scope "any" the grant is the same for every stage, so is the root cause. An authorizer's
        // grant names the API and the authorizer alone ({api}/authorizers/{id}): every method, route and stage
        // that uses it shares its statement, so they share its record (and its count of re-adds).
        bool authorizer = target.Kind == TargetKind.Authorizer;
        string stage = scope == StageScope.Stage && !authorizer ? target.Stage : "*";
        var canonical = new StringBuilder(Version);
        Append(canonical, kind.ToString());
        Append(canonical, target.Api.Region);
        Append(canonical, target.Api.AccountId);
        Append(canonical, target.Api.ApiId);
        Append(canonical, stage);
        Append(canonical, target.Kind.ToString());
        Append(canonical, authorizer ? null : target.HttpMethod);
        Append(canonical, authorizer ? null : target.ResourcePath);
        Append(canonical, authorizer ? null : target.RouteKey);
        Append(canonical, target.AuthorizerId);
        Append(canonical, target.Function.Status.ToString());
        Append(canonical, target.Function.Function?.Arn);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>The key of a failure of <paramref name="kind"/> that <paramref name="function"/> (as invoked, with its qualifier) causes itself.</summary>
    /// <remarks>
    /// A crash, a missing handler, an unreadable package or a malformed response is a defect of the function
    /// version the integration invokes, not of the route: every method, route, stage and API that invokes it
    /// fails alike, and only the function's owner can fix it. So the person receiving tickets gets one per
    /// broken function and kind (the ticket lists the routes seen), not one per route or per user id behind
    /// <c>GET /users/{id}</c>. The qualifier stays in: aliases and versions are deployed apart, and a broken
    /// <c>live</c> with a healthy <c>canary</c> are two facts. The kind stays in: each kind has its own advice.
    /// </remarks>
    public static string ForFunction(FindingKind kind, LambdaFunctionArn function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var canonical = new StringBuilder(FunctionVersion);
        Append(canonical, kind.ToString());
        Append(canonical, function.UnqualifiedArn);
        Append(canonical, function.Qualifier);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    // Length-prefixed, "-1" for absent: no two different value lists encode alike (as RootCauseKey does).
    private static void Append(StringBuilder canonical, string? value) =>
        canonical.Append('|').Append(value is null ? -1 : value.Length).Append(':').Append(value);
}
