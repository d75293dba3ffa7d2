using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>REST APIs: GetStage → GetResources (methods embedded) → method → integration or authorizer.</summary>
internal static class RestResolver
{
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
        if (!request.KnowsMethodAndPath)
        {
            return await ResolutionSteps.SweepAsync(
                request,
                $"REST API {apiId}",
                "method and path",
                resources.SelectMany(resource => resource.Methods.Values.Select(method => new RestSelection(resource, method))),
                selection => selection.Method.AuthorizerId,
                (selection, lines) => TargetAsync(request, selection, stage, reader, lines, sweep: true, cancellationToken),
                trail).ConfigureAwait(false);
        }

        RestSelection? selected = RestMethodSelector.Select(resources, request.HttpMethod!, request.Path!);
        if (selected is null)
        {
            return Resolution.Failed(OutcomeReason.Unresolvable, $"no resource of REST API {apiId} serves the logged request {request.QuotedRequest}", trail);
        }

        trail.Add($"The logged request {request.QuotedRequest} is served by resource {selected.Resource.Path}, method {selected.Method.HttpMethod}.");
        TargetStep step = await TargetAsync(request, selected, stage, reader, trail, sweep: false, cancellationToken).ConfigureAwait(false);
        return step.ToResolution(trail);
    }

    private static async Task<TargetStep> TargetAsync(
        ResolutionRequest request, RestSelection selection, RestStage stage, ControlPlaneReader reader, List<string> trail, bool sweep, CancellationToken cancellationToken)
    {
        string apiId = request.Api.ApiId;
        RestResource resource = selection.Resource;
        RestMethod method = selection.Method;
        var lines = new List<string>(trail);
        ResolvedTarget target = ResolutionSteps.Target(request, ApiType.Rest, stage.Variables, sweep) with
        {
            ResourcePath = resource.Path,
            HttpMethod = method.HttpMethod,
        };

        if (request.Kind == TargetKind.Authorizer)
        {
            return await ResolutionSteps.AuthorizerAsync(
                target,
                method.AuthorizerId,
                $"{method.HttpMethod} {resource.Path}",
                $"Method {method.HttpMethod} {resource.Path}",
                $"REST API {apiId}",
                async id => AuthorizerFacts.Of(await reader.GetRestAuthorizerAsync(apiId, id, cancellationToken).ConfigureAwait(false)),
                stage.Variables,
                lines).ConfigureAwait(false);
        }

        RestIntegration? integration = method.Integration
            ?? await reader.GetRestIntegrationAsync(apiId, resource.Id, method.HttpMethod, cancellationToken).ConfigureAwait(false);
        return integration is null
            ? TargetStep.Failed(OutcomeReason.Unresolvable, $"{method.HttpMethod} {resource.Path} of REST API {apiId} has no integration")
            : ResolutionSteps.Integration(target, "Its integration is", integration.Type, integration.Uri, integration.Credentials, stage.Variables, lines);
    }
}
