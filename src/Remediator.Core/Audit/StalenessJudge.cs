using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Audit;

/// <summary>
/// Proves from the control plane that what a Remediator statement grants is gone, or says it cannot. A statement is
/// <see cref="StalenessStatus.Stale"/> only when API Gateway answers that its API is not there (GetRestApi and GetApi
/// both 404 NotFound), that its stage is not there (GetStage 404), or, read whole, that none of the methods the API's
/// stages serve (REST), none of its routes (HTTP, WebSocket) or none of its authorizers is covered by the statement's
/// source ARN. Any other answer (access denied, throttled, an export not read whole, a route Remediator cannot scope)
/// is <see cref="StalenessStatus.Unproven"/>: it fails closed, an unreadable API is never stale.
/// </summary>
internal sealed class StalenessJudge(IApiGatewayClient restApis, ControlPlaneReader reader, string accountId, string region)
{
    private const string AuthorizersPrefix = "authorizers/";

    /// <summary>The staleness of a statement whose <c>ArnLike AWS:SourceArn</c> is <paramref name="sourceArn"/>.</summary>
    public async Task<StatementStaleness> JudgeAsync(string? sourceArn, CancellationToken cancellationToken)
    {
        if (sourceArn?.Split(':', 6) is not [_, _, "execute-api", var arnRegion, var arnAccount, var resource] || resource.IndexOf('/', StringComparison.Ordinal) is not (> 0 and var slash))
        {
            return Unproven($"its source ARN {sourceArn ?? "(none)"} does not name an API");
        }

        string apiId = resource[..slash];
        string scope = resource[(slash + 1)..];
        if (!string.Equals(arnRegion, region, StringComparison.Ordinal) || !string.Equals(arnAccount, accountId, StringComparison.Ordinal))
        {
            return Unproven($"its API is in account {arnAccount}, region {arnRegion}, which this audit does not read");
        }

        if (WildcardMatcher.HasWildcard(apiId))
        {
            return Unproven($"its source ARN {sourceArn} does not name one API");
        }

        try
        {
            return await JudgeApiAsync(new ApiTarget(region, accountId, apiId), scope, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Unproven($"API Gateway's {e.Operation} answered {e.ErrorCode} (HTTP {e.StatusCode}), so whether API {apiId} still serves it is unknown");
        }
    }

    private async Task<StatementStaleness> JudgeApiAsync(ApiTarget api, string scope, CancellationToken cancellationToken)
    {
        RestApi? rest = await reader.GetRestApiAsync(api.ApiId, cancellationToken).ConfigureAwait(false);
        HttpApi? v2 = rest is null ? await reader.GetApiAsync(api.ApiId, cancellationToken).ConfigureAwait(false) : null;
        if (rest is null && v2 is null)
        {
            return Stale($"API {api.ApiId} no longer exists (GetRestApi and GetApi both answer 404 NotFound)");
        }

        if (scope.StartsWith(AuthorizersPrefix, StringComparison.Ordinal))
        {
            return await JudgeAuthorizerAsync(api.ApiId, rest is not null, scope[AuthorizersPrefix.Length..], cancellationToken).ConfigureAwait(false);
        }

        int slash = scope.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return Unproven($"its source ARN's scope \"{scope}\" names no stage");
        }

        string stage = scope[..slash];
        bool anyStage = WildcardMatcher.HasWildcard(stage);
        if (!anyStage && !await StageExistsAsync(api.ApiId, rest is not null, stage, cancellationToken).ConfigureAwait(false))
        {
            return Stale($"stage {stage} of API {api.ApiId} no longer exists (GetStage answers 404 NotFound)");
        }

        return rest is not null
            ? await JudgeRestMethodsAsync(api, scope, anyStage ? null : stage, cancellationToken).ConfigureAwait(false)
            : await JudgeRoutesAsync(api, scope, anyStage ? null : stage, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StatementStaleness> JudgeAuthorizerAsync(string apiId, bool isRest, string authorizerId, CancellationToken cancellationToken)
    {
        if (WildcardMatcher.HasWildcard(authorizerId))
        {
            return Unproven($"it covers authorizers {authorizerId}, not one authorizer");
        }

        bool exists = isRest
            ? (await reader.GetRestAuthorizersAsync(apiId, cancellationToken).ConfigureAwait(false)).Any(a => string.Equals(a.Id, authorizerId, StringComparison.Ordinal))
            : await reader.GetApiAuthorizerAsync(apiId, authorizerId, cancellationToken).ConfigureAwait(false) is not null;
        return exists
            ? InUse($"authorizer {authorizerId} of API {apiId} exists")
            : Stale($"authorizer {authorizerId} of API {apiId} no longer exists ({(isRest ? "GetAuthorizers does not list it" : "GetAuthorizer answers 404 NotFound")})");
    }

    private async Task<bool> StageExistsAsync(string apiId, bool isRest, string stage, CancellationToken cancellationToken) => isRest
        ? await reader.GetRestStageAsync(apiId, stage, cancellationToken).ConfigureAwait(false) is not null
        : await reader.GetApiStageAsync(apiId, stage, cancellationToken).ConfigureAwait(false) is not null;

    // REST: what each stage's deployment serves (its export), every stage when the statement's stage is a wildcard.
    private async Task<StatementStaleness> JudgeRestMethodsAsync(ApiTarget api, string scope, string? stage, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> stages = stage is not null
            ? [stage]
            : [.. (await restApis.GetStagesAsync(api.ApiId, cancellationToken).ConfigureAwait(false)).Select(s => s.StageName)];
        foreach (string served in stages)
        {
            Result<RestDeployment, string>? deployed = await reader.GetStageDeploymentAsync(api.ApiId, served, cancellationToken).ConfigureAwait(false);
            if (deployed is null)
            {
                // Gone since it was listed: it serves nothing.
                continue;
            }

            if (!deployed.IsSuccess)
            {
                return Unproven($"what stage {served} of REST API {api.ApiId} serves cannot be read ({deployed.Error})");
            }

            foreach (DeployedMethod method in deployed.Value.Methods)
            {
                if (Presented(served, method.HttpMethod, method.Path) is not { } presented)
                {
                    return Unproven($"{method.HttpMethod} {method.Path} on stage {served} has no source ARN Remediator can compare");
                }

                if (GlobOverlap.Overlaps(scope, presented))
                {
                    return InUse($"stage {served} of REST API {api.ApiId} serves {method.HttpMethod} {method.Path}");
                }
            }
        }

        return Stale(stages.Count == 0
            ? $"REST API {api.ApiId} has no stage left, so nothing serves what it covers"
            : $"no method that {(stage is null ? $"the {stages.Count} stage(s)" : $"stage {stage}")} of REST API {api.ApiId} serve(s) is covered by it (the methods were deleted, or the stage was redeployed without them)");
    }

    // HTTP and WebSocket: the API's routes (a stage serves the API's routes as last deployed).
    private async Task<StatementStaleness> JudgeRoutesAsync(ApiTarget api, string scope, string? stage, CancellationToken cancellationToken)
    {
        IReadOnlyList<ApiRoute> routes = await reader.GetRoutesAsync(api.ApiId, cancellationToken).ConfigureAwait(false);
        foreach (ApiRoute route in routes)
        {
            int space = route.RouteKey.IndexOf(' ', StringComparison.Ordinal);
            string? presented = space > 0
                ? Presented(stage, route.RouteKey[..space], route.RouteKey[(space + 1)..])
                : RoutePart(route.RouteKey) is { } key ? $"{StagePart(stage)}/{key}" : null;
            if (presented is null)
            {
                return Unproven($"route {route.RouteKey} has no source ARN Remediator can compare");
            }

            if (GlobOverlap.Overlaps(scope, presented))
            {
                return InUse($"API {api.ApiId} has route {route.RouteKey}");
            }
        }

        return Stale($"none of the {routes.Count} route(s) of API {api.ApiId} is covered by it (the routes it was for were deleted)");
    }

    /// <summary>
    /// Every source ARN API Gateway can present for a method or route (after <c>{api}/</c>), as a glob: the stage (any
    /// when null) and the method (<c>ANY</c>) are one segment each, a <c>{param}</c> path segment one segment, a
    /// <c>{param+}</c> any rest of the path. Null when a part holds characters that would read as wildcards.
    /// </summary>
    private static string? Presented(string? stage, string method, string path)
    {
        if (!path.StartsWith('/') || Literal(method) is not { } verb)
        {
            return null;
        }

        var segments = new List<string>();
        foreach (string segment in path == "/" ? [] : path[1..].Split('/'))
        {
            string? part = segment.StartsWith('{') && segment.EndsWith("+}", StringComparison.Ordinal) ? "*"
                : segment.StartsWith('{') && segment.EndsWith('}') ? GlobOverlap.SegmentStar.ToString()
                : Literal(segment);
            if (part is null)
            {
                return null;
            }

            segments.Add(part);
        }

        string any = GlobOverlap.SegmentStar.ToString();
        return $"{StagePart(stage)}/{(verb.Equals("ANY", StringComparison.OrdinalIgnoreCase) ? any : verb.ToUpperInvariant())}/{string.Join('/', segments)}";
    }

    private static string StagePart(string? stage) => stage ?? GlobOverlap.SegmentStar.ToString();

    // WebSocket route keys ($connect, sendMessage) and $default are presented as they are.
    private static string? RoutePart(string routeKey) => Literal(routeKey);

    private static string? Literal(string text) =>
        text.Length == 0 || WildcardMatcher.HasWildcard(text) || text.Contains(GlobOverlap.SegmentStar, StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal) ? null : text;

    private static StatementStaleness InUse(string detail) => new(StalenessStatus.InUse, detail);

    private static StatementStaleness Stale(string detail) => new(StalenessStatus.Stale, detail);

    private static StatementStaleness Unproven(string detail) => new(StalenessStatus.Unproven, "not proven stale: " + detail);
}
