using System.Text.RegularExpressions;

namespace Remediator.Core.Policy;

/// <summary>
/// Builds execute-api source ARNs: the patterns Remediator grants (<c>For*</c>) and the concrete ARNs of failed
/// requests (<c>*Request</c>) a policy is judged for (docs/ARCHITECTURE.md, "The permission Remediator adds").
/// </summary>
// Invalid or wildcard-bearing inputs are refused as values, so a grant never widens beyond one API, one
// method and one resource.
public static partial class SourceArnBuilder
{
    private const string AnyMethod = "ANY";
    private const string DefaultRoute = "$default";

    /// <summary>Grant pattern for a REST method: <c>{apiId}/{stage|*}/{METHOD|*}/{path, parameters as *}</c>.</summary>
    public static Result<string, string> ForRestMethod(ApiTarget api, string? stage, string httpMethod, string resourcePath)
    {
        ArgumentNullException.ThrowIfNull(api);
        var error = api.Validate() ?? ValidateStage(stage) ?? ValidateMethod(httpMethod);
        if (error is not null)
        {
            return Result<string, string>.Failure(error);
        }

        var path = TemplatePath(resourcePath);
        return path.IsSuccess
            ? Build(api, $"{stage ?? "*"}/{MethodPattern(httpMethod)}/{path.Value}")
            : path;
    }

    /// <summary>
    /// Grant pattern for an HTTP or WebSocket route: <c>GET /items/{id}</c> → <c>{stage|*}/GET/items/*</c>,
    /// <c>ANY /items</c> → <c>*/items</c>, <c>$default</c> → <c>$default</c>, <c>$connect</c> → <c>$connect</c>.
    /// </summary>
    public static Result<string, string> ForRoute(ApiTarget api, string? stage, string routeKey)
    {
        ArgumentNullException.ThrowIfNull(api);
        var error = api.Validate() ?? ValidateStage(stage);
        if (error is not null)
        {
            return Result<string, string>.Failure(error);
        }

        var route = RouteForm(routeKey, template: true);
        return route.IsSuccess ? Build(api, $"{stage ?? "*"}/{route.Value}") : route;
    }

    /// <summary>Grant (and request) ARN for a Lambda authorizer: <c>{apiId}/authorizers/{authorizerId}</c>.</summary>
    public static Result<string, string> ForAuthorizer(ApiTarget api, string authorizerId)
    {
        ArgumentNullException.ThrowIfNull(api);
        var error = api.Validate();
        if (error is null && (authorizerId is null || !AuthorizerIdPattern().IsMatch(authorizerId)))
        {
            error = $"authorizer id \"{authorizerId}\" is not a single authorizer id";
        }

        return error is null ? Build(api, $"authorizers/{authorizerId}") : Result<string, string>.Failure(error);
    }

    /// <summary>The ARN of one request to a REST method: concrete stage, method and path (taken literally).</summary>
    public static Result<string, string> ForRestRequest(ApiTarget api, string stage, string httpMethod, string requestPath)
    {
        ArgumentNullException.ThrowIfNull(api);
        var error = api.Validate() ?? ValidateConcreteStage(stage) ?? ValidateMethod(httpMethod)
            ?? ValidateRequestPath(requestPath);
        return error is null
            ? Build(api, $"{stage}/{httpMethod.ToUpperInvariant()}/{requestPath[1..]}")
            : Result<string, string>.Failure(error);
    }

    /// <summary>The ARN of one request through an HTTP or WebSocket route (route key form, parameters kept literally).</summary>
    public static Result<string, string> ForRouteRequest(ApiTarget api, string stage, string routeKey)
    {
        ArgumentNullException.ThrowIfNull(api);
        var error = api.Validate() ?? ValidateConcreteStage(stage);
        if (error is not null)
        {
            return Result<string, string>.Failure(error);
        }

        var route = RouteForm(routeKey, template: false);
        return route.IsSuccess ? Build(api, $"{stage}/{route.Value}") : route;
    }

    private static Result<string, string> Build(ApiTarget api, string rest) =>
        Result<string, string>.Success($"arn:{api.Partition}:execute-api:{api.Region}:{api.AccountId}:{api.ApiId}/{rest}");

    private static string MethodPattern(string httpMethod) =>
        httpMethod.Equals(AnyMethod, StringComparison.OrdinalIgnoreCase) ? "*" : httpMethod.ToUpperInvariant();

    private static string? ValidateStage(string? stage) => stage is null ? null : ValidateConcreteStage(stage);

    private static string? ValidateConcreteStage(string stage) =>
        stage is not null && (stage == DefaultRoute || StagePattern().IsMatch(stage))
            ? null
            : $"stage \"{stage}\" is not a stage name";

    private static string? ValidateMethod(string httpMethod) =>
        httpMethod is not null && MethodNamePattern().IsMatch(httpMethod) ? null : $"method \"{httpMethod}\" is not an HTTP method";

    private static string? ValidateRequestPath(string path) =>
        path is not null && path.StartsWith('/') && !path.Any(char.IsWhiteSpace) && !path.Any(char.IsControl)
            ? null
            : $"request path \"{path}\" is not an absolute path";

    /// <summary><c>/pets/{petId}</c> → <c>pets/*</c>, <c>/{proxy+}</c> → <c>*</c>, <c>/</c> → empty.</summary>
    private static Result<string, string> TemplatePath(string resourcePath)
    {
        if (resourcePath is null || !resourcePath.StartsWith('/'))
        {
            return Result<string, string>.Failure($"resource path \"{resourcePath}\" does not start with /");
        }

        if (resourcePath == "/")
        {
            return Result<string, string>.Success(string.Empty);
        }

        var segments = resourcePath[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (ParameterSegmentPattern().IsMatch(segments[i]))
            {
                segments[i] = "*";
            }
            else if (!LiteralSegmentPattern().IsMatch(segments[i]))
            {
                // Includes '*' and '?' in a literal segment: they would widen the grant.
                return Result<string, string>.Failure($"resource path \"{resourcePath}\" has an invalid segment \"{segments[i]}\"");
            }
        }

        return Result<string, string>.Success(string.Join('/', segments));
    }

    private static Result<string, string> RouteForm(string routeKey, bool template)
    {
        if (routeKey == DefaultRoute)
        {
            return Result<string, string>.Success(DefaultRoute);
        }

        var space = routeKey?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (routeKey is not null && space > 0)
        {
            var method = routeKey[..space];
            var path = routeKey[(space + 1)..];
            if (ValidateMethod(method) is { } methodError)
            {
                return Result<string, string>.Failure($"route key \"{routeKey}\": {methodError}");
            }

            if (!template)
            {
                return ValidateRequestPath(path) is { } pathError
                    ? Result<string, string>.Failure($"route key \"{routeKey}\": {pathError}")
                    : Result<string, string>.Success($"{method.ToUpperInvariant()}/{path[1..]}");
            }

            var pattern = TemplatePath(path);
            return pattern.IsSuccess ? Result<string, string>.Success($"{MethodPattern(method)}/{pattern.Value}") : pattern;
        }

        // WebSocket route keys ($connect, $disconnect, sendMessage) are used as they are.
        return routeKey is not null && WebSocketRoutePattern().IsMatch(routeKey)
            ? Result<string, string>.Success(routeKey)
            : Result<string, string>.Failure($"route key \"{routeKey}\" is not a route key Remediator can scope");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex StagePattern();

    [GeneratedRegex("^[A-Za-z]{1,16}$")]
    private static partial Regex MethodNamePattern();

    [GeneratedRegex("^[A-Za-z0-9]{1,64}$")]
    private static partial Regex AuthorizerIdPattern();

    [GeneratedRegex(@"^\{[A-Za-z0-9._-]+\+?\}$")]
    private static partial Regex ParameterSegmentPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._~!$&'()+,;=:@%-]+$")]
    private static partial Regex LiteralSegmentPattern();

    [GeneratedRegex(@"^\$?[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex WebSocketRoutePattern();
}
