using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// Picks the HTTP API or WebSocket route API Gateway runs. HTTP: among <c>METHOD /path</c> and
/// <c>ANY /path</c> routes whose path template matches, the most specific path wins, then the exact
/// method over <c>ANY</c>; <c>$default</c> catches the rest. WebSocket: the route key itself, else <c>$default</c>.
/// </summary>
public static class RouteSelector
{
    /// <summary>The catch-all route key of HTTP and WebSocket APIs.</summary>
    public const string DefaultRoute = "$default";

    /// <summary>The route with exactly this key (route keys are case-sensitive), or null.</summary>
    public static ApiRoute? ByKey(IReadOnlyList<ApiRoute> routes, string routeKey)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes.FirstOrDefault(route => string.Equals(route.RouteKey, routeKey, StringComparison.Ordinal));
    }

    /// <summary>The HTTP API route serving <paramref name="httpMethod"/> <paramref name="path"/>, or null.</summary>
    public static ApiRoute? SelectHttp(IReadOnlyList<ApiRoute> routes, string httpMethod, string path)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(httpMethod);
        ArgumentNullException.ThrowIfNull(path);
        ApiRoute? best = null;
        PathSpecificity? bestPath = null;
        bool bestIsAny = false;
        foreach (ApiRoute route in routes)
        {
            int space = route.RouteKey.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                continue;
            }

            string method = route.RouteKey[..space];
            bool isAny = string.Equals(method, RestMethodSelector.AnyMethod, StringComparison.Ordinal);
            if ((!isAny && !string.Equals(method, httpMethod, StringComparison.OrdinalIgnoreCase))
                || PathTemplate.Match(route.RouteKey[(space + 1)..], path) is not { } specificity)
            {
                continue;
            }

            int order = bestPath is null ? -1 : specificity.CompareTo(bestPath);
            if (order < 0 || (order == 0 && bestIsAny && !isAny))
            {
                (best, bestPath, bestIsAny) = (route, specificity, isAny);
            }
        }

        return best ?? ByKey(routes, DefaultRoute);
    }

    /// <summary>The WebSocket route for a selected route key: the key's own route, else <c>$default</c>.</summary>
    public static ApiRoute? SelectWebSocket(IReadOnlyList<ApiRoute> routes, string routeKey) =>
        ByKey(routes, routeKey) ?? ByKey(routes, DefaultRoute);
}
