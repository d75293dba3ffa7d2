using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// REST APIs: GetStage → the stage's deployment (GetExport) → deployed method → its integration or authorizer. A
/// stage serves its deployment, not the draft resources, and the two can name different functions, so nothing
/// here reads the draft but the authorizer ids the export does not carry.
/// </summary>
internal static class RestResolver
{
    public static async Task<Resolution> ResolveAsync(ResolutionRequest request, ControlPlaneReader reader, List<string> trail, CancellationToken cancellationToken)
    {
        string apiId = request.Api.ApiId;
        RestStage? stage = await reader.GetRestStageAsync(apiId, request.Stage, cancellationToken).ConfigureAwait(false);
        Result<RestDeployment, string>? deployed = stage is null
            ? null
            : await reader.GetStageDeploymentAsync(apiId, request.Stage, cancellationToken).ConfigureAwait(false);
        if (stage is null || deployed is null)
        {
            return Resolution.Failed(OutcomeReason.Unresolvable, $"REST API {apiId} has no stage \"{request.Stage}\"", trail);
        }

        if (!deployed.IsSuccess)
        {
            return Resolution.Failed(OutcomeReason.Unresolvable, $"what stage {request.Stage} of REST API {apiId} serves cannot be read: {deployed.Error}", trail);
        }

        RestDeployment deployment = deployed.Value;
        trail.Add($"Stage {request.Stage} exists and serves deployment {stage.DeploymentId ?? "(unnamed)"}, read from its export ({deployment.Methods.Count} method(s)).");
        if (!request.KnowsMethodAndPath)
        {
            if (request.Kind == TargetKind.Authorizer
                && await UnidentifiableAsync(apiId, request.Stage, deployment, reader, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                return Resolution.Failed(OutcomeReason.Unresolvable, problem, trail);
            }

            return await ResolutionSteps.SweepAsync(
                request,
                $"REST API {apiId}",
                "method and path",
                deployment.Methods,
                method => method.AuthorizerName,
                (method, lines) => TargetAsync(request, method, stage, deployment, reader, lines, sweep: true, cancellationToken),
                trail).ConfigureAwait(false);
        }

        DeployedMethod? selected = RestMethodSelector.Select(deployment.Methods, request.HttpMethod!, request.Path!);
        if (selected is null)
        {
            return Resolution.Failed(OutcomeReason.Unresolvable, $"no method deployed to stage {request.Stage} of REST API {apiId} serves the logged request {request.QuotedRequest}", trail);
        }

        trail.Add($"The logged request {request.QuotedRequest} is served by resource {selected.Path}, method {selected.HttpMethod}.");
        TargetStep step = await TargetAsync(request, selected, stage, deployment, reader, trail, sweep: false, cancellationToken).ConfigureAwait(false);
        return step.ToResolution(trail);
    }

    private static async Task<TargetStep> TargetAsync(
        ResolutionRequest request,
        DeployedMethod method,
        RestStage stage,
        RestDeployment deployment,
        ControlPlaneReader reader,
        List<string> trail,
        bool sweep,
        CancellationToken cancellationToken)
    {
        string apiId = request.Api.ApiId;
        string owner = $"{method.HttpMethod} {method.Path}";
        var lines = new List<string>(trail);
        ResolvedTarget target = ResolutionSteps.Target(request, ApiType.Rest, stage.Variables, sweep) with
        {
            ResourcePath = method.Path,
            HttpMethod = method.HttpMethod,
        };

        if (request.Kind == TargetKind.Authorizer)
        {
            if (method.AuthorizerName is not { } name)
            {
                return TargetStep.Failed(OutcomeReason.LogControlPlaneMismatch, $"the log reports an authorizer failure, but {owner} has no authorizer");
            }

            if (!deployment.Authorizers.TryGetValue(name, out DeployedAuthorizer? definition))
            {
                return TargetStep.Failed(OutcomeReason.Unresolvable, $"{owner} uses authorizer \"{name}\", which the export of stage {request.Stage} does not define");
            }

            (AuthorizerFacts? authorizer, string? problem) = await DeployedAuthorizerLookup.IdentifyAsync(apiId, request.Stage, definition, reader, cancellationToken).ConfigureAwait(false);
            return authorizer is null
                ? TargetStep.Failed(OutcomeReason.Unresolvable, problem!)
                : ResolutionSteps.Authorizer(target, authorizer, $"Method {owner}", stage.Variables, lines);
        }

        return method.Integration is not { } integration
            ? TargetStep.Failed(OutcomeReason.Unresolvable, $"{owner} of REST API {apiId} has no integration")
            : ResolutionSteps.Integration(target, "Its deployed integration is", integration.Type, integration.Uri, integration.Credentials, stage.Variables, lines);
    }

    /// <summary>
    /// Why a Lambda authorizer the stage uses has no id Remediator can trust; null when each has one. A sweep cannot
    /// leave such an authorizer out: it may be the one that failed.
    /// </summary>
    private static async Task<string?> UnidentifiableAsync(
        string apiId, string stage, RestDeployment deployment, ControlPlaneReader reader, CancellationToken cancellationToken)
    {
        foreach (string name in deployment.Methods.Select(m => m.AuthorizerName).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (deployment.Authorizers.TryGetValue(name, out DeployedAuthorizer? definition)
                && AuthorizerFacts.IsLambdaType(definition.Type)
                && (await DeployedAuthorizerLookup.IdentifyAsync(apiId, stage, definition, reader, cancellationToken).ConfigureAwait(false)).Problem is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
