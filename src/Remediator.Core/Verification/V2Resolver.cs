using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>HTTP and WebSocket APIs: GetStage → GetRoutes → route → integration or authorizer.</summary>
internal static class V2Resolver
{
    public static async Task<Resolution> ResolveAsync(
        ResolutionRequest request, ApiType type, ControlPlaneReader reader, List<string> trail, CancellationToken cancellationToken)
    {
        string apiId = request.Api.ApiId;
        ApiStage? stage = await reader.GetApiStageAsync(apiId, request.Stage, cancellationToken).ConfigureAwait(false);
        if (stage is null)
        {
            return Resolution.Failed(OutcomeReason.Unresolvable, $"API {apiId} has no stage \"{request.Stage}\"", trail);
        }

        trail.Add($"Stage {request.Stage} exists.");
        IReadOnlyList<ApiRoute> routes = await reader.GetRoutesAsync(apiId, cancellationToken).ConfigureAwait(false);
        (ApiRoute? route, OutcomeReason reason, string? problem) = SelectRoute(request, type, routes);
        if (problem is not null)
        {
            return Resolution.Failed(reason, problem, trail);
        }

        if (route is not null)
        {
            trail.Add(request.RouteKey is not null
                ? $"The logged route key {request.QuotedRoute} is route {route.RouteId} ({route.RouteKey})."
                : $"The logged request {request.QuotedRequest} is served by route {route.RouteKey}.");
            TargetStep step = await TargetAsync(request, type, route, stage, reader, trail, sweep: false, cancellationToken).ConfigureAwait(false);
            return step.ToResolution(trail);
        }

        return await ResolutionSteps.SweepAsync(
            request,
            $"API {apiId}",
            "route",
            routes,
            candidate => candidate.AuthorizerId,
            (candidate, lines) => TargetAsync(request, type, candidate, stage, reader, lines, sweep: true, cancellationToken),
            trail).ConfigureAwait(false);
    }

    /// <summary>The route the logs point at; (null, _, null) when they do not say and the stage must be swept.</summary>
    private static (ApiRoute? Route, OutcomeReason Reason, string? Problem) SelectRoute(ResolutionRequest request, ApiType type, IReadOnlyList<ApiRoute> routes)
    {
        string apiId = request.Api.ApiId;
        if (type == ApiType.WebSocket)
        {
            if (request.RouteKey is null)
            {
                return (null, default, null);
            }

            ApiRoute? webSocketRoute = RouteSelector.SelectWebSocket(routes, request.RouteKey);
            return webSocketRoute is null
                ? (null, OutcomeReason.Unresolvable, $"WebSocket API {apiId} has no route matching the logged route key {request.QuotedRoute} and no $default route")
                : (webSocketRoute, default, null);
        }

        ApiRoute[] byPath = request.KnowsMethodAndPath
            ? PathVariants(request).Select(path => RouteSelector.SelectHttp(routes, request.HttpMethod!, path)).OfType<ApiRoute>().Distinct().ToArray()
            : [];
        if (request.RouteKey is not null)
        {
            ApiRoute? named = RouteSelector.ByKey(routes, request.RouteKey);
            if (named is null)
            {
                return (null, OutcomeReason.Unresolvable, $"HTTP API {apiId} has no route matching the logged route key {request.QuotedRoute}");
            }

            // The route key and the path come from the same line; if they disagree, one of them is not API Gateway's.
            return request.KnowsMethodAndPath && !byPath.Contains(named)
                ? (null, OutcomeReason.LogControlPlaneMismatch, $"the log names route key {request.QuotedRoute}, but the logged request {request.QuotedRequest} is served by {string.Join(" or ", byPath.Select(r => r.RouteKey).DefaultIfEmpty("no route"))}")
                : (named, default, null);
        }

        if (!request.KnowsMethodAndPath)
        {
            return (null, default, null);
        }

        ApiRoute[] specific = byPath.Where(route => route.RouteKey != RouteSelector.DefaultRoute).ToArray();
        return specific.Length switch
        {
            1 => (specific[0], default, null),
            > 1 => (null, OutcomeReason.Unresolvable, $"the logged request {request.QuotedRequest} could be served by {string.Join(" or ", specific.Select(r => r.RouteKey))}"),
            _ => byPath.Length == 1
                ? (byPath[0], default, null)
                : (null, OutcomeReason.Unresolvable, $"no route of HTTP API {apiId} serves the logged request {request.QuotedRequest}"),
        };
    }

    // HTTP API access logs may write the path with the stage in front ("/dev/items"); try both forms.
    private static IEnumerable<string> PathVariants(ResolutionRequest request)
    {
        string path = request.Path!;
        string prefix = "/" + request.Stage;
        if (request.Stage != RouteSelector.DefaultRoute && (path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal)))
        {
            yield return path.Length == prefix.Length ? "/" : path[prefix.Length..];
        }

        yield return path;
    }

    private static async Task<TargetStep> TargetAsync(
        ResolutionRequest request, ApiType type, ApiRoute route, ApiStage stage, ControlPlaneReader reader, List<string> trail, bool sweep, CancellationToken cancellationToken)
    {
        string apiId = request.Api.ApiId;
        var lines = new List<string>(trail);
        ResolvedTarget target = ResolutionSteps.Target(request, type, stage.StageVariables, sweep) with { RouteKey = route.RouteKey };
        if (request.Kind == TargetKind.Authorizer)
        {
            return await ResolutionSteps.AuthorizerAsync(
                target,
                route.AuthorizerId,
                $"route {route.RouteKey}",
                $"Route {route.RouteKey}",
                $"API {apiId}",
                async id => AuthorizerFacts.Of(await reader.GetApiAuthorizerAsync(apiId, id, cancellationToken).ConfigureAwait(false)),
                stage.StageVariables,
                lines).ConfigureAwait(false);
        }

        if (ResolutionSteps.IntegrationId(route.Target) is not { } integrationId)
        {
            return TargetStep.Failed(OutcomeReason.Unresolvable, $"route {route.RouteKey} of API {apiId} has no integration target");
        }

        ApiIntegration? integration = await reader.GetApiIntegrationAsync(apiId, integrationId, cancellationToken).ConfigureAwait(false);
        return integration is null
            ? TargetStep.Failed(OutcomeReason.Unresolvable, $"integration {integrationId} of API {apiId} does not exist")
            : ResolutionSteps.Integration(
                target,
                $"Route {route.RouteKey} targets integration {integration.IntegrationId}",
                integration.IntegrationType,
                integration.IntegrationUri,
                integration.CredentialsArn,
                stage.StageVariables,
                lines);
    }
}
