using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>HTTP and WebSocket APIs: GetStage → GetRoutes → route → integration or authorizer.</summary>
internal static class V2Resolver
{
    private const string IntegrationTargetPrefix = "integrations/";
    private const string LambdaAuthorizerType = "REQUEST";

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
                ? $"Route key {request.RouteKey} is route {route.RouteId} ({route.RouteKey})."
                : $"{request.HttpMethod} {request.Path} is served by route {route.RouteKey}.");
            (ResolvedTarget? target, OutcomeReason failure, string? why) =
                await TargetAsync(request, type, route, stage, reader, trail, sweep: false, cancellationToken).ConfigureAwait(false);
            return target is null ? Resolution.Failed(failure, why!, trail) : Resolution.Found([target], trail);
        }

        string noun = request.Kind == TargetKind.Authorizer ? "authorizer" : "integration";
        trail.Add($"The logs do not name the request's route, so every Lambda {noun} of stage {request.Stage} was checked.");
        var targets = new List<ResolvedTarget>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ApiRoute candidate in routes)
        {
            if (targets.Count >= RestResolver.MaxSweepTargets
                || (request.Kind == TargetKind.Authorizer && (candidate.AuthorizerId is null || !seen.Add(candidate.AuthorizerId))))
            {
                continue;
            }

            (ResolvedTarget? target, _, _) = await TargetAsync(request, type, candidate, stage, reader, [.. trail], sweep: true, cancellationToken).ConfigureAwait(false);
            if (target is not null && target.Function.Status != UriResolutionStatus.NotLambda)
            {
                targets.Add(target);
            }
        }

        return targets.Count == 0
            ? Resolution.Failed(OutcomeReason.Unresolvable, $"stage {request.Stage} of API {apiId} has no Lambda {noun}", trail)
            : Resolution.Found(targets, trail);
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
                ? (null, OutcomeReason.Unresolvable, $"WebSocket API {apiId} has no route {request.RouteKey} and no $default route")
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
                return (null, OutcomeReason.Unresolvable, $"HTTP API {apiId} has no route {request.RouteKey}");
            }

            // The route key and the path come from the same line; if they disagree, one of them is not API Gateway's.
            return request.KnowsMethodAndPath && !byPath.Contains(named)
                ? (null, OutcomeReason.LogControlPlaneMismatch, $"the log names route {request.RouteKey}, but {request.HttpMethod} {request.Path} is served by {string.Join(" or ", byPath.Select(r => r.RouteKey).DefaultIfEmpty("no route"))}")
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
            > 1 => (null, OutcomeReason.Unresolvable, $"{request.HttpMethod} {request.Path} could be served by {string.Join(" or ", specific.Select(r => r.RouteKey))}"),
            _ => byPath.Length == 1
                ? (byPath[0], default, null)
                : (null, OutcomeReason.Unresolvable, $"no route of HTTP API {apiId} serves {request.HttpMethod} {request.Path}"),
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

    private static async Task<(ResolvedTarget? Target, OutcomeReason Reason, string? Problem)> TargetAsync(
        ResolutionRequest request, ApiType type, ApiRoute route, ApiStage stage, ControlPlaneReader reader, List<string> trail, bool sweep, CancellationToken cancellationToken)
    {
        string apiId = request.Api.ApiId;
        var lines = new List<string>(trail);
        var target = new ResolvedTarget
        {
            ApiType = type,
            Api = request.Api,
            Stage = request.Stage,
            Kind = request.Kind,
            RouteKey = route.RouteKey,
            RequestMethod = sweep ? null : request.HttpMethod,
            RequestPath = sweep ? null : request.Path,
            FromStageSweep = sweep,
            Function = IntegrationUri.Resolve(null, stage.StageVariables),
        };

        if (request.Kind == TargetKind.Authorizer)
        {
            if (route.AuthorizerId is null)
            {
                return (null, OutcomeReason.LogControlPlaneMismatch, $"the log reports an authorizer failure, but route {route.RouteKey} has no authorizer");
            }

            ApiAuthorizer? authorizer = await reader.GetApiAuthorizerAsync(apiId, route.AuthorizerId, cancellationToken).ConfigureAwait(false);
            if (authorizer is null)
            {
                return (null, OutcomeReason.Unresolvable, $"authorizer {route.AuthorizerId} of API {apiId} does not exist");
            }

            lines.Add($"Route {route.RouteKey} uses authorizer {authorizer.AuthorizerId} (\"{authorizer.Name}\", type {authorizer.AuthorizerType}).");
            if (!string.Equals(authorizer.AuthorizerType, LambdaAuthorizerType, StringComparison.Ordinal))
            {
                return (null, OutcomeReason.LogControlPlaneMismatch, $"authorizer {authorizer.AuthorizerId} is of type {authorizer.AuthorizerType}, not a Lambda authorizer");
            }

            return (target with
            {
                AuthorizerId = authorizer.AuthorizerId,
                IntegrationType = authorizer.AuthorizerType,
                Uri = authorizer.AuthorizerUri,
                Credentials = authorizer.AuthorizerCredentialsArn,
                Function = ApiResolver.ResolveUri(authorizer.AuthorizerUri, stage.StageVariables, lines),
                Trail = lines,
            }, default, null);
        }

        if (route.Target is null || !route.Target.StartsWith(IntegrationTargetPrefix, StringComparison.Ordinal))
        {
            return (null, OutcomeReason.Unresolvable, $"route {route.RouteKey} of API {apiId} has no integration target");
        }

        string integrationId = route.Target[IntegrationTargetPrefix.Length..];
        ApiIntegration? integration = await reader.GetApiIntegrationAsync(apiId, integrationId, cancellationToken).ConfigureAwait(false);
        if (integration is null)
        {
            return (null, OutcomeReason.Unresolvable, $"integration {integrationId} of API {apiId} does not exist");
        }

        lines.Add($"Route {route.RouteKey} targets integration {integration.IntegrationId} of type {integration.IntegrationType} with URI {integration.IntegrationUri ?? "(none)"}{(integration.CredentialsArn is null ? " and no credentials role" : $" and credentials {integration.CredentialsArn}")}.");
        return (target with
        {
            IntegrationType = integration.IntegrationType,
            Uri = integration.IntegrationUri,
            Credentials = integration.CredentialsArn,
            Function = ApiResolver.ResolveUri(integration.IntegrationUri, stage.StageVariables, lines),
            Trail = lines,
        }, default, null);
    }
}
