using System.Text.RegularExpressions;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.ApiGateway;

/// <summary>
/// API Gateway v1 control plane (rest-json, <c>2015-07-09</c>): REST APIs (created, read, deleted), resources and the authorizer list here; methods,
/// integrations and authorizers in <see cref="RestApiMethods"/>, deployments and stages in <see cref="RestApiStages"/>,
/// stage exports in <see cref="RestApiExport"/>, tags in <see cref="RestApiTags"/>.
/// </summary>
internal sealed partial class RestApiService(SandboxEnvironment env) : IAwsService
{
    private const string Api = "/restapis/{restapi_id}";
    private const string MethodPath = Api + "/resources/{resource_id}/methods/{http_method}";

    private static readonly RestRouter Router = new RestRouter("apigateway")
        .Add("POST", "/restapis", "CreateRestApi")
        .Add("GET", "/restapis", "GetRestApis")
        .Add("GET", Api, "GetRestApi")
        .Add("DELETE", Api, "DeleteRestApi")
        .Add("POST", Api + "/resources/{parent_id}", "CreateResource")
        .Add("GET", Api + "/resources", "GetResources")
        .Add("GET", Api + "/resources/{resource_id}", "GetResource")
        .Add("PUT", MethodPath, "PutMethod")
        .Add("GET", MethodPath, "GetMethod")
        .Add("PUT", MethodPath + "/integration", "PutIntegration")
        .Add("GET", MethodPath + "/integration", "GetIntegration")
        .Add("POST", Api + "/deployments", "CreateDeployment")
        .Add("POST", Api + "/stages", "CreateStage")
        .Add("GET", Api + "/stages", "GetStages")
        .Add("GET", Api + "/stages/{stage_name}", "GetStage")
        .Add("PATCH", Api + "/stages/{stage_name}", "UpdateStage")
        .Add("GET", Api + "/stages/{stage_name}/exports/{export_type}", "GetExport")
        .Add("POST", Api + "/authorizers", "CreateAuthorizer")
        .Add("GET", Api + "/authorizers", "GetAuthorizers")
        .Add("GET", Api + "/authorizers/{authorizer_id}", "GetAuthorizer")
        .Add("PATCH", Api + "/authorizers/{authorizer_id}", "UpdateAuthorizer")
        .Add("PUT", "/tags/{resource_arn}", "TagResource")
        .Add("GET", "/tags/{resource_arn}", "GetTags")
        .Add("DELETE", "/tags/{resource_arn}", "UntagResource");

    private readonly RestApiMethods _methods = new(env);
    private readonly RestApiStages _stages = new(env);
    private readonly RestApiTags _tags = new(env);
    private readonly RestApiExport _export = new(env);

    public string SigningName => "apigateway";

    public string Name => "apigateway";

    public AwsProtocol Protocol => AwsProtocol.RestJson;

    public string? XmlNamespace => null;

    public ServiceCall? Resolve(SandboxRequest request) => Router.Match(request.Method, request.Segments);

    public ServiceResult Execute(ServiceCall call, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Operation == "CreateRestApi")
        {
            return CreateRestApi(request);
        }

        if (call.Operation == "GetRestApis")
        {
            return GetRestApis(request);
        }

        if (call.Operation is "TagResource" or "GetTags" or "UntagResource")
        {
            return _tags.Tagging(call, request);
        }

        if (!env.Data.RestApis.TryGetValue(call["restapi_id"], out var api))
        {
            return ApiGatewayErrors.ApiNotFound(env.AccountId, call["restapi_id"]);
        }

        return call.Operation switch
        {
            "GetRestApi" => Reply.Json(Protocol, api.Api, SandboxJson.Context.RestApi),
            "DeleteRestApi" => DeleteRestApi(api),
            "CreateResource" => CreateResource(api, call, request),
            "GetResources" => GetResources(api, request),
            "GetResource" => api.Resources.TryGetValue(call["resource_id"], out var resource)
                ? Reply.Json(Protocol, View(resource, request.QueryValues("embed").Contains("methods")), SandboxJson.Context.Resource)
                : ApiGatewayErrors.ResourceNotFound(),
            "PutMethod" => _methods.PutMethod(api, call, request),
            "GetMethod" => _methods.GetMethod(api, call),
            "PutIntegration" => _methods.PutIntegration(api, call, request),
            "GetIntegration" => _methods.GetIntegration(api, call),
            "CreateDeployment" => _stages.CreateDeployment(api, request),
            "CreateStage" => _stages.CreateStage(api, request),
            "GetStages" => _stages.GetStages(api, request),
            "GetStage" => _stages.GetStage(api, call),
            "UpdateStage" => _stages.UpdateStage(api, call, request),
            "GetExport" => _export.GetExport(api, call, request),
            "CreateAuthorizer" => _methods.CreateAuthorizer(api, request),
            "GetAuthorizers" => GetAuthorizers(api, request),
            "UpdateAuthorizer" => _methods.UpdateAuthorizer(api, call, request),
            _ => api.Authorizers.TryGetValue(call["authorizer_id"], out var authorizer)
                ? Reply.Json(Protocol, authorizer, SandboxJson.Context.Authorizer)
                : ApiGatewayErrors.NotFound($"Invalid Authorizer identifier specified {env.AccountId}:{call["authorizer_id"]}"),
        };
    }

    // DeleteRestApi answers 202 Accepted with no body; the API, its resources, stages and authorizers go with it.
    private SandboxResponse DeleteRestApi(RestApiRecord api)
    {
        env.Data.RestApis.Remove(api.Api.Id);
        return SandboxResponse.Empty(202);
    }

    private ServiceResult CreateRestApi(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.CreateRestApiRequest, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return ApiGatewayErrors.BadRequest("Invalid REST API name specified");
        }

        if (ApiGatewayErrors.InvalidTags(input.Tags) is { } invalidTags)
        {
            return invalidTags;
        }

        var id = NewApiId();
        var root = new Resource { Id = env.Ids.Alphanumeric(10), Path = "/" };
        var api = new RestApi
        {
            Id = id,
            Name = input.Name,
            Description = input.Description,
            Version = input.Version,
            CreatedDate = env.Now.ToUnixTimeSeconds(),
            ApiKeySource = input.ApiKeySource ?? "HEADER",
            EndpointConfiguration = input.EndpointConfiguration ?? new EndpointConfiguration(["EDGE"]),
            Tags = input.Tags,
            DisableExecuteApiEndpoint = input.DisableExecuteApiEndpoint ?? false,
            RootResourceId = root.Id,
        };
        var record = new RestApiRecord { Api = api };
        record.Resources[root.Id] = root;
        env.Data.RestApis[id] = record;
        return Reply.Json(Protocol, api, SandboxJson.Context.RestApi, 201);
    }

    private ServiceResult GetRestApis(SandboxRequest request)
    {
        if (Paging(request) is not { } paging)
        {
            return ApiGatewayErrors.BadRequest("Invalid limit or position specified");
        }

        var (page, next) = PageToken.Slice(env.Data.RestApis.Values.Select(r => r.Api).ToList(), paging.Offset, paging.Limit);
        return Reply.Json(Protocol, new RestApiList(page, next), SandboxJson.Context.RestApiList);
    }

    private ServiceResult CreateResource(RestApiRecord api, ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.CreateResourceRequest, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (!api.Resources.TryGetValue(call["parent_id"], out var parent))
        {
            return ApiGatewayErrors.ResourceNotFound();
        }

        if (input.PathPart is null || !PathPartPattern().IsMatch(input.PathPart))
        {
            return ApiGatewayErrors.BadRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
        }

        var siblings = api.Resources.Values.Where(r => r.ParentId == parent.Id).ToList();
        if (siblings.Any(s => s.PathPart == input.PathPart))
        {
            return ApiGatewayErrors.Conflict($"Another resource with the same parent already has this name: {input.PathPart}");
        }

        if (input.PathPart.StartsWith('{') && siblings.FirstOrDefault(s => s.PathPart!.StartsWith('{')) is { } variable)
        {
            return ApiGatewayErrors.BadRequest($"A sibling ({variable.PathPart}) of this resource already has a variable path part -- only one is allowed");
        }

        var resource = new Resource
        {
            Id = env.Ids.Alphanumeric(6),
            ParentId = parent.Id,
            PathPart = input.PathPart,
            Path = parent.Path == "/" ? "/" + input.PathPart : $"{parent.Path}/{input.PathPart}",
        };
        api.Resources[resource.Id] = resource;
        return Reply.Json(Protocol, resource, SandboxJson.Context.Resource, 201);
    }

    private ServiceResult GetResources(RestApiRecord api, SandboxRequest request)
    {
        if (Paging(request) is not { } paging)
        {
            return ApiGatewayErrors.BadRequest("Invalid limit or position specified");
        }

        var embedMethods = request.QueryValues("embed").Any(e => e.Split(',').Contains("methods"));
        var all = api.Resources.Values.Select(r => View(r, embedMethods)).ToList();
        var (page, next) = PageToken.Slice(all, paging.Offset, paging.Limit);
        return Reply.Json(Protocol, new ResourceList(page, next), SandboxJson.Context.ResourceList);
    }

    private static ServiceResult GetAuthorizers(RestApiRecord api, SandboxRequest request)
    {
        if (Paging(request) is not { } paging)
        {
            return ApiGatewayErrors.BadRequest("Invalid limit or position specified");
        }

        var (page, next) = PageToken.Slice(api.Authorizers.Values.ToList(), paging.Offset, paging.Limit);
        return Reply.Json(AwsProtocol.RestJson, new AuthorizerList(page, next), SandboxJson.Context.AuthorizerList);
    }

    /// <summary>Without <c>embed=methods</c> a resource lists its verbs with empty method objects, as API Gateway does.</summary>
    private static Resource View(Resource resource, bool embedMethods) =>
        embedMethods || resource.ResourceMethods is null
            ? resource
            : resource with { ResourceMethods = resource.ResourceMethods.ToDictionary(m => m.Key, _ => new Method()) };

    /// <summary><c>limit</c> (1-500, default 25) and <c>position</c>; null when either is invalid.</summary>
    private static (int Offset, int Limit)? Paging(SandboxRequest request)
    {
        var limitText = request.QueryValue("limit");
        var limit = 25;
        if (limitText is not null && (!int.TryParse(limitText, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 500))
        {
            return null;
        }

        return PageToken.TryDecode(request.QueryValue("position"), out var offset) ? (offset, limit) : null;
    }

    private string NewApiId()
    {
        string id;
        do
        {
            id = env.Ids.Alphanumeric(10);
        }
        while (env.Data.ApiIdTaken(id));
        return id;
    }

    [GeneratedRegex(@"^(\{[a-zA-Z0-9._-]+\+?\}|[a-zA-Z0-9._:~@-]+)$")]
    private static partial Regex PathPartPattern();
}
