using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Audit;

/// <summary>
/// Every Lambda target of one stage: each deployed REST method's integration, each HTTP/WebSocket route's integration, and
/// each Lambda authorizer a method or route uses (once per stage), with <c>${stageVariables.x}</c> resolved from
/// the stage. Unlike the engine's stage sweep there is no cap: an audit lists everything rather than choosing.
/// Targets that are not Lambda functions (HTTP, MOCK, other AWS services, Cognito and JWT authorizers) are skipped.
/// </summary>
internal static class StageTargets
{
    /// <summary>REST: the stage's deployment (its export) → each method's integration, authorizer.</summary>
    public static async Task<IReadOnlyList<ResolvedTarget>> RestAsync(
        AuditedApi api, string stage, IReadOnlyDictionary<string, string> variables, ControlPlaneReader reader, List<string> notes, CancellationToken cancellationToken)
    {
        var targets = new List<ResolvedTarget>();
        Result<RestDeployment, string>? deployed = await reader.GetStageDeploymentAsync(api.Id, stage, cancellationToken).ConfigureAwait(false);
        if (deployed is null || !deployed.IsSuccess)
        {
            notes.Add($"{api.Id}/{stage}: what the stage serves cannot be read ({deployed?.Error ?? "the stage no longer exists"}).");
            return targets;
        }

        var authorizers = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<DeployedMethod> methods = deployed.Value.Methods
            .OrderBy(m => m.Path, StringComparer.Ordinal)
            .ThenBy(m => m.HttpMethod, StringComparer.Ordinal);
        foreach (DeployedMethod method in methods)
        {
            if (method.Integration is { } integration)
            {
                Add(targets, Target(api, stage, TargetKind.Integration, variables, integration.Type, integration.Uri, integration.Credentials) with
                {
                    HttpMethod = method.HttpMethod,
                    ResourcePath = method.Path,
                });
            }

            if (method.AuthorizerName is not { } name || !authorizers.Add(name))
            {
                continue;
            }

            (AuthorizerFacts? authorizer, string? problem) = deployed.Value.Authorizers.TryGetValue(name, out DeployedAuthorizer? definition)
                ? await DeployedAuthorizerLookup.IdentifyAsync(api.Id, stage, definition, reader, cancellationToken).ConfigureAwait(false)
                : (null, $"the export does not define authorizer \"{name}\"");
            AddAuthorizer(targets, api, stage, variables, authorizer, $"{api.Id}/{stage}: {method.HttpMethod} {method.Path} uses authorizer \"{name}\", which Remediator cannot check: {problem}.", notes);
        }

        return targets;
    }

    /// <summary>HTTP and WebSocket: routes → integration, authorizer.</summary>
    public static async Task<IReadOnlyList<ResolvedTarget>> V2Async(
        AuditedApi api, string stage, IReadOnlyDictionary<string, string> variables, ControlPlaneReader reader, List<string> notes, CancellationToken cancellationToken)
    {
        var targets = new List<ResolvedTarget>();
        var authorizers = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<ApiRoute> routes = await reader.GetRoutesAsync(api.Id, cancellationToken).ConfigureAwait(false);
        foreach (ApiRoute route in routes.OrderBy(r => r.RouteKey, StringComparer.Ordinal))
        {
            if (ResolutionSteps.IntegrationId(route.Target) is { } integrationId)
            {
                ApiIntegration? integration = await reader.GetApiIntegrationAsync(api.Id, integrationId, cancellationToken).ConfigureAwait(false);
                if (integration is null)
                {
                    notes.Add($"{api.Id}/{stage}: route {route.RouteKey} targets integration {integrationId}, which does not exist.");
                }
                else
                {
                    Add(targets, Target(api, stage, TargetKind.Integration, variables, integration.IntegrationType, integration.IntegrationUri, integration.CredentialsArn) with
                    {
                        RouteKey = route.RouteKey,
                    });
                }
            }

            await AddAuthorizerAsync(
                targets, authorizers, api, stage, variables, route.AuthorizerId, $"route {route.RouteKey}",
                async id => AuthorizerFacts.Of(await reader.GetApiAuthorizerAsync(api.Id, id, cancellationToken).ConfigureAwait(false)),
                notes).ConfigureAwait(false);
        }

        return targets;
    }

    /// <summary>Adds the Lambda authorizer <paramref name="owner"/> uses, the first time the stage names it.</summary>
    private static async Task AddAuthorizerAsync(
        List<ResolvedTarget> targets,
        HashSet<string> seen,
        AuditedApi api,
        string stage,
        IReadOnlyDictionary<string, string> variables,
        string? authorizerId,
        string owner,
        Func<string, Task<AuthorizerFacts?>> readAsync,
        List<string> notes)
    {
        if (authorizerId is null || !seen.Add(authorizerId))
        {
            return;
        }

        AuthorizerFacts? authorizer = await readAsync(authorizerId).ConfigureAwait(false);
        AddAuthorizer(targets, api, stage, variables, authorizer, $"{api.Id}/{stage}: {owner} uses authorizer {authorizerId}, which does not exist.", notes);
    }

    /// <summary>Adds a Lambda authorizer, or <paramref name="missingNote"/> when it was not found.</summary>
    private static void AddAuthorizer(
        List<ResolvedTarget> targets,
        AuditedApi api,
        string stage,
        IReadOnlyDictionary<string, string> variables,
        AuthorizerFacts? authorizer,
        string missingNote,
        List<string> notes)
    {
        if (authorizer is null)
        {
            notes.Add(missingNote);
        }
        else if (authorizer.CallsLambda)
        {
            Add(targets, Target(api, stage, TargetKind.Authorizer, variables, authorizer.Type, authorizer.Uri, authorizer.Credentials) with
            {
                AuthorizerId = authorizer.Id,
            });
        }
    }

    private static ResolvedTarget Target(
        AuditedApi api, string stage, TargetKind kind, IReadOnlyDictionary<string, string> variables, string? type, string? uri, string? credentials) => new()
    {
        ApiType = api.Type,
        Api = api.Target,
        Stage = stage,
        Kind = kind,
        IntegrationType = type,
        Uri = uri,
        Credentials = credentials,
        Lambda = IntegrationUri.Resolve(uri, variables),
        FromStageSweep = true,
    };

    private static void Add(List<ResolvedTarget> targets, ResolvedTarget target)
    {
        if (target.Lambda.Status != UriResolutionStatus.NotLambda)
        {
            targets.Add(target);
        }
    }
}
