using System.Text.RegularExpressions;
using Remediator.Sandbox.ApiGateway;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.ApiGatewayV2;

/// <summary>What an HTTP or WebSocket API is made of: CreateIntegration, CreateRoute, CreateStage, CreateAuthorizer.</summary>
internal sealed partial class HttpApiChildren(SandboxEnvironment env)
{
    private const AwsProtocol Protocol = AwsProtocol.RestJson;

    private static readonly string[] IntegrationTypes = ["AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK"];

    public ServiceResult CreateIntegration(ApiV2Record api, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.ApiIntegration, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (input.IntegrationType is null || !IntegrationTypes.Contains(input.IntegrationType))
        {
            return ApiGatewayErrors.BadRequest("Invalid integration type specified. Valid options are AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK");
        }

        var http = api.Api.ProtocolType == "HTTP";
        if (input.IntegrationType != "MOCK" && string.IsNullOrEmpty(input.IntegrationUri) && input.IntegrationSubtype is null)
        {
            return ApiGatewayErrors.BadRequest("IntegrationUri is required for this integration type");
        }

        var integration = input with
        {
            IntegrationId = env.Ids.Alphanumeric(7),
            ConnectionType = input.ConnectionType ?? "INTERNET",
            IntegrationMethod = input.IntegrationMethod ?? (input.IntegrationType == "AWS_PROXY" ? "POST" : null),
            PayloadFormatVersion = input.PayloadFormatVersion ?? (http && input.IntegrationType == "AWS_PROXY" ? "2.0" : "1.0"),
            TimeoutInMillis = input.TimeoutInMillis ?? (http ? 30000 : 29000),
            PassthroughBehavior = http ? null : input.PassthroughBehavior ?? "WHEN_NO_MATCH",
        };
        api.Integrations[integration.IntegrationId!] = integration;
        return Reply.Json(Protocol, integration, SandboxJson.Context.ApiIntegration, 201);
    }

    public ServiceResult CreateRoute(ApiV2Record api, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.Route, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (string.IsNullOrEmpty(input.RouteKey) || (api.Api.ProtocolType == "HTTP" && input.RouteKey != "$default" && !HttpRouteKey().IsMatch(input.RouteKey)))
        {
            return ApiGatewayErrors.BadRequest($"Invalid route key: {input.RouteKey}");
        }

        if (api.Routes.Values.Any(r => r.RouteKey == input.RouteKey))
        {
            return ApiGatewayErrors.Conflict($"Route with key {input.RouteKey} already exists for this API");
        }

        if (input.Target is not null && (!input.Target.StartsWith("integrations/", StringComparison.Ordinal) || !api.Integrations.ContainsKey(input.Target["integrations/".Length..])))
        {
            return ApiGatewayErrors.BadRequest($"Invalid target: {input.Target}. Targets look like integrations/{{integrationId}} and name an integration of this API");
        }

        var authorization = input.AuthorizationType ?? "NONE";
        if (authorization is "CUSTOM" or "JWT" && (input.AuthorizerId is null || !api.Authorizers.ContainsKey(input.AuthorizerId)))
        {
            return ApiGatewayErrors.BadRequest("Invalid authorizer id: routes with CUSTOM or JWT authorization need an authorizer of this API");
        }

        var route = input with { RouteId = env.Ids.Alphanumeric(7), AuthorizationType = authorization, ApiKeyRequired = input.ApiKeyRequired ?? false };
        api.Routes[route.RouteId!] = route;
        return Reply.Json(Protocol, route, SandboxJson.Context.Route, 201);
    }

    public ServiceResult CreateStage(ApiV2Record api, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.ApiStage, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (string.IsNullOrEmpty(input.StageName) || !StageName().IsMatch(input.StageName))
        {
            return ApiGatewayErrors.BadRequest("Stage name only allows a-zA-Z0-9_- (or $default)");
        }

        if (api.Stages.ContainsKey(input.StageName))
        {
            return ApiGatewayErrors.Conflict("Stage already exists");
        }

        if (ApiGatewayErrors.InvalidTags(input.Tags) is { } invalidTags)
        {
            return invalidTags;
        }

        var stage = input with
        {
            CreatedDate = env.NowSeconds,
            LastUpdatedDate = env.NowSeconds,
            DefaultRouteSettings = input.DefaultRouteSettings ?? new RouteSettings { DetailedMetricsEnabled = false },
            RouteSettings = input.RouteSettings ?? new Dictionary<string, RouteSettings>(),
        };
        api.Stages[input.StageName] = stage;
        return Reply.Json(Protocol, stage, SandboxJson.Context.ApiStage, 201);
    }

    public ServiceResult CreateAuthorizer(ApiV2Record api, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.ApiAuthorizer, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.AuthorizerType is not ("REQUEST" or "JWT"))
        {
            return ApiGatewayErrors.BadRequest("Invalid authorizer: a name and an AuthorizerType of REQUEST or JWT are required");
        }

        if (input.AuthorizerType == "REQUEST" && string.IsNullOrEmpty(input.AuthorizerUri))
        {
            return ApiGatewayErrors.BadRequest("AuthorizerUri is required for REQUEST authorizers");
        }

        if (input.AuthorizerType == "JWT" && input.JwtConfiguration is null)
        {
            return ApiGatewayErrors.BadRequest("JwtConfiguration is required for JWT authorizers");
        }

        if (api.Api.ProtocolType == "HTTP" && input.AuthorizerType == "REQUEST" && input.AuthorizerPayloadFormatVersion is not ("1.0" or "2.0"))
        {
            return ApiGatewayErrors.BadRequest("AuthorizerPayloadFormatVersion (1.0 or 2.0) is required for REQUEST authorizers of HTTP APIs");
        }

        var authorizer = input with { AuthorizerId = env.Ids.Alphanumeric(6) };
        api.Authorizers[authorizer.AuthorizerId!] = authorizer;
        return Reply.Json(Protocol, authorizer, SandboxJson.Context.ApiAuthorizer, 201);
    }

    [GeneratedRegex(@"^(ANY|GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) /\S*$")]
    private static partial Regex HttpRouteKey();

    [GeneratedRegex(@"^(\$default|[a-zA-Z0-9_\-]{1,128})$")]
    private static partial Regex StageName();
}
