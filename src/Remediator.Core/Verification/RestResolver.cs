using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>REST APIs: GetStage → GetResources (methods embedded) → method → integration or authorizer.</summary>
internal static class RestResolver
{
    /// <summary>A stage sweep reads at most this many integrations (each may cost a GetIntegration).</summary>
    public const int MaxSweepTargets = 100;

    private static readonly HashSet<string> LambdaAuthorizerTypes = new(["TOKEN", "REQUEST"], StringComparer.Ordinal);

    public static async Task<Resolution> ResolveAsync(ResolutionRequest request, ControlPlaneReader reader, List<string> trail, CancellationToken cancellationToken)
    {
        string apiId = request.Api.ApiId;
        RestStage? stage = await reader.GetRestStageAsync(apiId, request.Stage, cancellationToken).ConfigureAwait(false);
        if (stage is null)
        {
            return Resolution.Failed(OutcomeReason.Unresolvable, $"REST API {apiId} has no stage \"{request.Stage}\"", trail);
        }

        trail.Add($"Stage {request.Stage} exists.");
        IReadOnlyList<RestResource> resources = await reader.GetResourcesAsync(apiId, cancellationToken).ConfigureAwait(false);
        if (request.KnowsMethodAndPath)
        {
            RestSelection? selection = RestMethodSelector.Select(resources, request.HttpMethod!, request.Path!);
            if (selection is null)
            {
                return Resolution.Failed(OutcomeReason.Unresolvable, $"no resource of REST API {apiId} serves {request.HttpMethod} {request.Path}", trail);
            }

            trail.Add($"{request.HttpMethod} {request.Path} is served by resource {selection.Resource.Path}, method {selection.Method.HttpMethod}.");
            (ResolvedTarget? target, OutcomeReason reason, string? problem) =
                await TargetAsync(request, selection, stage, reader, trail, sweep: false, cancellationToken).ConfigureAwait(false);
            return target is null
                ? Resolution.Failed(reason, problem!, trail)
                : Resolution.Found([target], trail);
        }

        trail.Add($"The logs do not name the request's method and path, so every Lambda {Noun(request.Kind)} of stage {request.Stage} was checked.");
        var targets = new List<ResolvedTarget>();
        var authorizers = new HashSet<string>(StringComparer.Ordinal);
        foreach (RestResource resource in resources)
        {
            foreach (RestMethod method in resource.Methods.Values)
            {
                if (targets.Count >= MaxSweepTargets
                    || (request.Kind == TargetKind.Authorizer && (method.AuthorizerId is null || !authorizers.Add(method.AuthorizerId))))
                {
                    continue;
                }

                (ResolvedTarget? target, _, _) = await TargetAsync(
                    request, new RestSelection(resource, method), stage, reader, [.. trail], sweep: true, cancellationToken).ConfigureAwait(false);
                if (target is not null && target.Function.Status != UriResolutionStatus.NotLambda)
                {
                    targets.Add(target);
                }
            }
        }

        return targets.Count == 0
            ? Resolution.Failed(OutcomeReason.Unresolvable, $"stage {request.Stage} of REST API {apiId} has no Lambda {Noun(request.Kind)}", trail)
            : Resolution.Found(targets, trail);
    }

    private static string Noun(TargetKind kind) => kind == TargetKind.Authorizer ? "authorizer" : "integration";

    private static async Task<(ResolvedTarget? Target, OutcomeReason Reason, string? Problem)> TargetAsync(
        ResolutionRequest request, RestSelection selection, RestStage stage, ControlPlaneReader reader, List<string> trail, bool sweep, CancellationToken cancellationToken)
    {
        string apiId = request.Api.ApiId;
        RestResource resource = selection.Resource;
        RestMethod method = selection.Method;
        var lines = new List<string>(trail);
        var target = new ResolvedTarget
        {
            ApiType = ApiType.Rest,
            Api = request.Api,
            Stage = request.Stage,
            Kind = request.Kind,
            ResourcePath = resource.Path,
            HttpMethod = method.HttpMethod,
            RequestMethod = sweep ? null : request.HttpMethod,
            RequestPath = sweep ? null : request.Path,
            FromStageSweep = sweep,
            Function = IntegrationUri.Resolve(null, stage.Variables),
        };

        if (request.Kind == TargetKind.Authorizer)
        {
            if (method.AuthorizerId is null)
            {
                return (null, OutcomeReason.LogControlPlaneMismatch, $"the log reports an authorizer failure, but {method.HttpMethod} {resource.Path} has no authorizer");
            }

            RestAuthorizer? authorizer = await reader.GetRestAuthorizerAsync(apiId, method.AuthorizerId, cancellationToken).ConfigureAwait(false);
            if (authorizer is null)
            {
                return (null, OutcomeReason.Unresolvable, $"authorizer {method.AuthorizerId} of REST API {apiId} does not exist");
            }

            lines.Add($"Method {method.HttpMethod} {resource.Path} uses authorizer {authorizer.Id} (\"{authorizer.Name}\", type {authorizer.Type}).");
            if (!LambdaAuthorizerTypes.Contains(authorizer.Type))
            {
                return (null, OutcomeReason.LogControlPlaneMismatch, $"authorizer {authorizer.Id} is of type {authorizer.Type}, not a Lambda authorizer");
            }

            return (target with
            {
                AuthorizerId = authorizer.Id,
                IntegrationType = authorizer.Type,
                Uri = authorizer.AuthorizerUri,
                Credentials = authorizer.AuthorizerCredentials,
                Function = ApiResolver.ResolveUri(authorizer.AuthorizerUri, stage.Variables, lines),
                Trail = lines,
            }, default, null);
        }

        RestIntegration? integration = method.Integration
            ?? await reader.GetRestIntegrationAsync(apiId, resource.Id, method.HttpMethod, cancellationToken).ConfigureAwait(false);
        if (integration is null)
        {
            return (null, OutcomeReason.Unresolvable, $"{method.HttpMethod} {resource.Path} of REST API {apiId} has no integration");
        }

        lines.Add($"Its integration is of type {integration.Type} with URI {integration.Uri ?? "(none)"}{(integration.Credentials is null ? " and no credentials role" : $" and credentials {integration.Credentials}")}.");
        return (target with
        {
            IntegrationType = integration.Type,
            Uri = integration.Uri,
            Credentials = integration.Credentials,
            Function = ApiResolver.ResolveUri(integration.Uri, stage.Variables, lines),
            Trail = lines,
        }, default, null);
    }
}
