using System.Globalization;
using Remediator.Sandbox.ApiGateway;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.ApiGatewayV2;

/// <summary>
/// API Gateway v2 control plane (rest-json, <c>2018-11-29</c>) for HTTP and WebSocket APIs: APIs and the reads here;
/// integrations, routes, stages and authorizers made by <see cref="HttpApiChildren"/>, UpdateStage in
/// <see cref="HttpApiStages"/>, tags in <see cref="HttpApiTags"/>.
/// </summary>
internal sealed class HttpApiService(SandboxEnvironment env) : IAwsService
{
    private const string ApiPath = "/v2/apis/{apiId}";

    private static readonly RestRouter Router = new RestRouter("apigatewayv2")
        .Add("POST", "/v2/apis", "CreateApi")
        .Add("GET", "/v2/apis", "GetApis")
        .Add("GET", ApiPath, "GetApi")
        .Add("POST", ApiPath + "/integrations", "CreateIntegration")
        .Add("GET", ApiPath + "/integrations", "GetIntegrations")
        .Add("GET", ApiPath + "/integrations/{integrationId}", "GetIntegration")
        .Add("POST", ApiPath + "/routes", "CreateRoute")
        .Add("GET", ApiPath + "/routes", "GetRoutes")
        .Add("POST", ApiPath + "/stages", "CreateStage")
        .Add("GET", ApiPath + "/stages", "GetStages")
        .Add("GET", ApiPath + "/stages/{stageName}", "GetStage")
        .Add("PATCH", ApiPath + "/stages/{stageName}", "UpdateStage")
        .Add("POST", ApiPath + "/authorizers", "CreateAuthorizer")
        .Add("GET", ApiPath + "/authorizers/{authorizerId}", "GetAuthorizer")
        .Add("POST", "/v2/tags/{resource-arn}", "TagResource")
        .Add("GET", "/v2/tags/{resource-arn}", "GetTags")
        .Add("DELETE", "/v2/tags/{resource-arn}", "UntagResource");

    private readonly HttpApiChildren _children = new(env);
    private readonly HttpApiStages _stages = new(env);
    private readonly HttpApiTags _tags = new(env);

    public string SigningName => "apigateway";

    public string Name => "apigatewayv2";

    public AwsProtocol Protocol => AwsProtocol.RestJson;

    public string? XmlNamespace => null;

    public ServiceCall? Resolve(SandboxRequest request) => Router.Match(request.Method, request.Segments);

    public ServiceResult Execute(ServiceCall call, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Operation == "CreateApi")
        {
            return CreateApi(request);
        }

        if (call.Operation == "GetApis")
        {
            return Page(request, env.Data.ApisV2.Values.Select(a => a.Api).ToList(), SandboxJson.Context.ItemPageApi);
        }

        if (call.Operation is "TagResource" or "GetTags" or "UntagResource")
        {
            return _tags.Tagging(call, request);
        }

        if (!env.Data.ApisV2.TryGetValue(call["apiId"], out var api))
        {
            return ApiGatewayErrors.ApiNotFound(env.AccountId, call["apiId"]);
        }

        return call.Operation switch
        {
            "GetApi" => Reply.Json(Protocol, api.Api, SandboxJson.Context.Api),
            "CreateIntegration" => _children.CreateIntegration(api, request),
            "GetIntegrations" => Page(request, [.. api.Integrations.Values], SandboxJson.Context.ItemPageApiIntegration),
            "GetIntegration" => api.Integrations.TryGetValue(call["integrationId"], out var integration)
                ? Reply.Json(Protocol, integration, SandboxJson.Context.ApiIntegration)
                : ApiGatewayErrors.NotFound("Invalid Integration identifier specified"),
            "CreateRoute" => _children.CreateRoute(api, request),
            "GetRoutes" => Page(request, [.. api.Routes.Values], SandboxJson.Context.ItemPageRoute),
            "CreateStage" => _children.CreateStage(api, request),
            "GetStages" => Page(request, [.. api.Stages.Values], SandboxJson.Context.ItemPageApiStage),
            "GetStage" => api.Stages.TryGetValue(call["stageName"], out var stage)
                ? Reply.Json(Protocol, stage, SandboxJson.Context.ApiStage)
                : ApiGatewayErrors.NotFound("Invalid stage identifier specified"),
            "UpdateStage" => _stages.UpdateStage(api, call, request),
            "CreateAuthorizer" => _children.CreateAuthorizer(api, request),
            _ => api.Authorizers.TryGetValue(call["authorizerId"], out var authorizer)
                ? Reply.Json(Protocol, authorizer, SandboxJson.Context.ApiAuthorizer)
                : ApiGatewayErrors.NotFound("Invalid Authorizer identifier specified"),
        };
    }

    private ServiceResult CreateApi(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.Api, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.ProtocolType is not ("HTTP" or "WEBSOCKET"))
        {
            return ApiGatewayErrors.BadRequest("Name and a ProtocolType of HTTP or WEBSOCKET are required");
        }

        var http = input.ProtocolType == "HTTP";
        if (!http && input.RouteSelectionExpression is null)
        {
            return ApiGatewayErrors.BadRequest("RouteSelectionExpression is required for WEBSOCKET APIs");
        }

        if (!http && input.Target is not null)
        {
            return ApiGatewayErrors.BadRequest("Quick create (Target) is only supported for HTTP APIs");
        }

        if (ApiGatewayErrors.InvalidTags(input.Tags) is { } invalidTags)
        {
            return invalidTags;
        }

        string id;
        do
        {
            id = env.Ids.Alphanumeric(10);
        }
        while (env.Data.ApiIdTaken(id));

        var api = input with
        {
            ApiId = id,
            RouteSelectionExpression = input.RouteSelectionExpression ?? "$request.method $request.path",
            ApiKeySelectionExpression = input.ApiKeySelectionExpression ?? "$request.header.x-api-key",
            ApiEndpoint = $"{(http ? "https" : "wss")}://{id}.execute-api.{env.Region}.amazonaws.com",
            CreatedDate = env.NowSeconds,
            DisableExecuteApiEndpoint = input.DisableExecuteApiEndpoint ?? false,
            Target = null,
            RouteKey = null,
            CredentialsArn = null,
        };
        var record = new ApiV2Record { Api = api };
        env.Data.ApisV2[id] = record;
        if (input.Target is not null)
        {
            QuickCreate(record, input);
        }

        return Reply.Json(Protocol, api, SandboxJson.Context.Api, 201);
    }

    /// <summary>CreateApi with <c>Target</c>: a Lambda proxy integration, its route and an auto-deployed <c>$default</c> stage.</summary>
    private void QuickCreate(ApiV2Record api, Api input)
    {
        var integration = new ApiIntegration
        {
            IntegrationId = env.Ids.Alphanumeric(7),
            IntegrationType = "AWS_PROXY",
            IntegrationMethod = "POST",
            IntegrationUri = input.Target,
            CredentialsArn = input.CredentialsArn,
            PayloadFormatVersion = "2.0",
            ConnectionType = "INTERNET",
            TimeoutInMillis = 30000,
        };
        api.Integrations[integration.IntegrationId] = integration;
        var route = new Route { RouteId = env.Ids.Alphanumeric(7), RouteKey = input.RouteKey ?? "$default", Target = $"integrations/{integration.IntegrationId}", AuthorizationType = "NONE", ApiKeyRequired = false };
        api.Routes[route.RouteId] = route;
        api.Stages["$default"] = new ApiStage { StageName = "$default", AutoDeploy = true, CreatedDate = env.NowSeconds, LastUpdatedDate = env.NowSeconds, DefaultRouteSettings = new RouteSettings { DetailedMetricsEnabled = false }, RouteSettings = new Dictionary<string, RouteSettings>() };
    }

    /// <summary>A v2 page: <c>maxResults</c> is a string in the v2 model; <c>nextToken</c> is opaque.</summary>
    private ServiceResult Page<T>(SandboxRequest request, List<T> items, System.Text.Json.Serialization.Metadata.JsonTypeInfo<ItemPage<T>> info)
    {
        var limitText = request.QueryValue("maxResults");
        var limit = 100;
        if ((limitText is not null && (!int.TryParse(limitText, CultureInfo.InvariantCulture, out limit) || limit < 1))
            || !PageToken.TryDecode(request.QueryValue("nextToken"), out var offset))
        {
            return ApiGatewayErrors.BadRequest("Invalid maxResults or nextToken");
        }

        var (page, next) = PageToken.Slice(items, offset, limit);
        return Reply.Json(Protocol, new ItemPage<T>(page, next), info);
    }
}
