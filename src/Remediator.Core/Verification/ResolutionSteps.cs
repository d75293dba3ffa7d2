using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Notifications;

namespace Remediator.Core.Verification;

/// <summary>
/// What REST and HTTP/WebSocket resolution share once the API-specific part (<see cref="RestResolver"/>,
/// <see cref="V2Resolver"/>) has a method or route: the target's common fields, the authorizer and integration
/// steps with their trail sentences and stage-variable substitution, and the capped stage sweep.
/// </summary>
internal static class ResolutionSteps
{
    /// <summary>A stage sweep stops past this many Lambda targets and resolves nothing.</summary>
    public const int MaxSweepTargets = 100;

    private const string IntegrationTargetPrefix = "integrations/";

    /// <summary>The integration id an HTTP/WebSocket route target (<c>integrations/{id}</c>) names; null when it names none.</summary>
    public static string? IntegrationId(string? routeTarget) =>
        routeTarget is not null && routeTarget.StartsWith(IntegrationTargetPrefix, StringComparison.Ordinal)
            ? routeTarget[IntegrationTargetPrefix.Length..]
            : null;

    /// <summary>The fields every target of <paramref name="request"/> has, before its integration or authorizer is read.</summary>
    public static ResolvedTarget Target(ResolutionRequest request, ApiType type, IReadOnlyDictionary<string, string> variables, bool sweep) => new()
    {
        ApiType = type,
        Api = request.Api,
        Stage = request.Stage,
        Kind = request.Kind,
        RequestMethod = sweep ? null : request.HttpMethod,
        RequestPath = sweep ? null : request.Path,
        FromStageSweep = sweep,
        Lambda = IntegrationUri.Resolve(null, variables),
    };

    /// <summary>
    /// The Lambda authorizer <paramref name="authorizerId"/> that <paramref name="owner"/> (<c>GET /pets</c>, <c>route $connect</c>)
    /// uses; <paramref name="ownerSentence"/> opens its trail sentence (<c>Method GET /pets</c>, <c>Route $connect</c>).
    /// </summary>
    public static async Task<TargetStep> AuthorizerAsync(
        ResolvedTarget target,
        string? authorizerId,
        string owner,
        string ownerSentence,
        string apiName,
        Func<string, Task<AuthorizerFacts?>> readAsync,
        IReadOnlyDictionary<string, string> variables,
        List<string> lines)
    {
        if (authorizerId is null)
        {
            return TargetStep.Failed(OutcomeReason.LogControlPlaneMismatch, $"the log reports an authorizer failure, but {owner} has no authorizer");
        }

        AuthorizerFacts? authorizer = await readAsync(authorizerId).ConfigureAwait(false);
        if (authorizer is null)
        {
            return TargetStep.Failed(OutcomeReason.Unresolvable, $"authorizer {authorizerId} of {apiName} does not exist");
        }

        return Authorizer(target, authorizer, ownerSentence, variables, lines);
    }

    /// <summary>The authorizer found, described by a sentence that starts with <paramref name="ownerSentence"/>; a Lambda authorizer is a target.</summary>
    public static TargetStep Authorizer(
        ResolvedTarget target, AuthorizerFacts authorizer, string ownerSentence, IReadOnlyDictionary<string, string> variables, List<string> lines)
    {
        lines.Add($"{ownerSentence} uses authorizer {authorizer.Id} ({UntrustedText.Quote(authorizer.Name, NotificationLimits.MaxNameChars)}, type {authorizer.Type}).");
        if (!authorizer.CallsLambda)
        {
            return TargetStep.Failed(OutcomeReason.LogControlPlaneMismatch, $"authorizer {authorizer.Id} is of type {authorizer.Type}, not a Lambda authorizer");
        }

        return TargetStep.Found(target with
        {
            AuthorizerId = authorizer.Id,
            IntegrationType = authorizer.Type,
            Uri = authorizer.Uri,
            Credentials = authorizer.Credentials,
            Lambda = ResolveUri(authorizer.Uri, variables, lines),
            Trail = lines,
        });
    }

    /// <summary>The integration found, described by a sentence that starts with <paramref name="lead"/> and goes on "of type …".</summary>
    public static TargetStep Integration(
        ResolvedTarget target, string lead, string type, string? uri, string? credentials, IReadOnlyDictionary<string, string> variables, List<string> lines)
    {
        lines.Add($"{lead} of type {type} with URI {uri ?? "(none)"}{(credentials is null ? " and no credentials role" : $" and credentials {credentials}")}.");
        return TargetStep.Found(target with
        {
            IntegrationType = type,
            Uri = uri,
            Credentials = credentials,
            Lambda = ResolveUri(uri, variables, lines),
            Trail = lines,
        });
    }

    /// <summary>
    /// Every Lambda integration (or authorizer, each once) of the stage, when the logs do not name the
    /// <paramref name="unnamed"/> of the request; more than <see cref="MaxSweepTargets"/> resolves nothing.
    /// </summary>
    public static async Task<Resolution> SweepAsync<TCandidate>(
        ResolutionRequest request,
        string apiName,
        string unnamed,
        IEnumerable<TCandidate> candidates,
        Func<TCandidate, string?> authorizerId,
        Func<TCandidate, List<string>, Task<TargetStep>> targetAsync,
        List<string> trail)
    {
        string noun = request.Kind == TargetKind.Authorizer ? "authorizer" : "integration";
        trail.Add($"The logs do not name the request's {unnamed}, so every Lambda {noun} of stage {request.Stage} was checked.");
        var targets = new List<ResolvedTarget>();
        var authorizers = new HashSet<string>(StringComparer.Ordinal);
        foreach (TCandidate candidate in candidates)
        {
            if (request.Kind == TargetKind.Authorizer && (authorizerId(candidate) is not { } id || !authorizers.Add(id)))
            {
                continue;
            }

            TargetStep step = await targetAsync(candidate, [.. trail]).ConfigureAwait(false);
            if (step.Target is { } target && target.Lambda.Status != UriResolutionStatus.NotLambda)
            {
                targets.Add(target);
            }

            // A partial sweep cannot say which target failed: the one left out may be it.
            if (targets.Count > MaxSweepTargets)
            {
                return Resolution.Failed(OutcomeReason.Unresolvable, $"stage {request.Stage} of {apiName} has more than {MaxSweepTargets} Lambda {noun}s, too many to check", trail);
            }
        }

        return targets.Count == 0
            ? Resolution.Failed(OutcomeReason.Unresolvable, $"stage {request.Stage} of {apiName} has no Lambda {noun}", trail)
            : Resolution.Found(targets, trail);
    }

    /// <summary>Resolves a URI on a stage (stage variables substituted) and describes the result in the trail.</summary>
    private static UriResolution ResolveUri(string? uri, IReadOnlyDictionary<string, string> variables, List<string> lines)
    {
        UriResolution resolved = IntegrationUri.Resolve(uri, variables);
        if (resolved.Function is { } function)
        {
            string via = resolved.StageVariables.Count == 0
                ? string.Empty
                : $" (stage variable{(resolved.StageVariables.Count == 1 ? string.Empty : "s")} {string.Join(", ", resolved.StageVariables.Select(name => $"{name}={variables[name]}"))})";
            lines.Add($"Its URI resolves to function {function.Arn}{via}.");
        }

        return resolved;
    }
}
