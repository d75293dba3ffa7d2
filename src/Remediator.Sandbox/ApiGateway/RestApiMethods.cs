using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.ApiGateway;

/// <summary>REST API methods and what they call: PutMethod, GetMethod, PutIntegration, GetIntegration, CreateAuthorizer, UpdateAuthorizer.</summary>
internal sealed class RestApiMethods(SandboxEnvironment env)
{
    private const AwsProtocol Protocol = AwsProtocol.RestJson;

    private static readonly string[] Verbs = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"];
    private static readonly string[] AuthorizationTypes = ["NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"];
    private static readonly string[] IntegrationTypes = ["HTTP", "AWS", "MOCK", "HTTP_PROXY", "AWS_PROXY"];

    private sealed record MethodLookup(Resource? Resource, Method? Method, ServiceError? Error);

    private static MethodLookup FindMethod(RestApiRecord api, ServiceCall call)
    {
        if (!api.Resources.TryGetValue(call["resource_id"], out var resource))
        {
            return new(null, null, ApiGatewayErrors.ResourceNotFound());
        }

        return resource.ResourceMethods?.GetValueOrDefault(call["http_method"]) is { } method
            ? new(resource, method, null)
            : new(resource, null, ApiGatewayErrors.NotFound("Invalid Method identifier specified"));
    }

    public ServiceResult GetMethod(RestApiRecord api, ServiceCall call) =>
        FindMethod(api, call) is { Method: { } method } ? Reply.Json(Protocol, method, SandboxJson.Context.Method) : FindMethod(api, call).Error!;

    public ServiceResult PutMethod(RestApiRecord api, ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.Method, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (!api.Resources.TryGetValue(call["resource_id"], out var resource))
        {
            return ApiGatewayErrors.ResourceNotFound();
        }

        var verb = call["http_method"];
        if (!Verbs.Contains(verb))
        {
            return ApiGatewayErrors.BadRequest("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
        }

        if (input.AuthorizationType is null || !AuthorizationTypes.Contains(input.AuthorizationType))
        {
            return ApiGatewayErrors.BadRequest("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS");
        }

        if (input.AuthorizationType is "CUSTOM" or "COGNITO_USER_POOLS" && (input.AuthorizerId is null || !api.Authorizers.ContainsKey(input.AuthorizerId)))
        {
            return ApiGatewayErrors.BadRequest("Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.");
        }

        if (resource.ResourceMethods?.ContainsKey(verb) == true)
        {
            return ApiGatewayErrors.Conflict("Method already exists for this resource");
        }

        var method = new Method
        {
            HttpMethod = verb,
            AuthorizationType = input.AuthorizationType,
            AuthorizerId = input.AuthorizerId,
            ApiKeyRequired = input.ApiKeyRequired ?? false,
            OperationName = input.OperationName,
            RequestParameters = input.RequestParameters,
        };
        api.Resources[resource.Id] = resource with { ResourceMethods = With(resource.ResourceMethods, verb, method) };
        return Reply.Json(Protocol, method, SandboxJson.Context.Method, 201);
    }

    public ServiceResult PutIntegration(RestApiRecord api, ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.PutIntegrationRequest, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        var lookup = FindMethod(api, call);
        if (lookup is not { Resource: { } resource, Method: { } method })
        {
            return lookup.Error!;
        }

        if (input.Type is null || !IntegrationTypes.Contains(input.Type))
        {
            return ApiGatewayErrors.BadRequest("Invalid integration type specified. Valid options are HTTP,AWS,MOCK,HTTP_PROXY,AWS_PROXY");
        }

        if (input.Type != "MOCK" && string.IsNullOrEmpty(input.IntegrationHttpMethod))
        {
            return ApiGatewayErrors.BadRequest("Enumeration value for HttpMethod must be non-empty");
        }

        if (input.Type is "AWS" or "AWS_PROXY" && (input.Uri is null || !input.Uri.StartsWith("arn:aws:apigateway:", StringComparison.Ordinal)))
        {
            return ApiGatewayErrors.BadRequest("AWS ARN for integration must contain path or action");
        }

        if (input.Type is "HTTP" or "HTTP_PROXY" && !Uri.TryCreate(input.Uri, UriKind.Absolute, out _))
        {
            return ApiGatewayErrors.BadRequest("Invalid HTTP endpoint specified for URI");
        }

        var integration = new Integration
        {
            Type = input.Type,
            HttpMethod = input.IntegrationHttpMethod,
            Uri = input.Uri,
            Credentials = input.Credentials,
            ConnectionType = input.ConnectionType ?? "INTERNET",
            PassthroughBehavior = input.PassthroughBehavior ?? "WHEN_NO_MATCH",
            TimeoutInMillis = input.TimeoutInMillis ?? 29000,
            ContentHandling = input.ContentHandling,
            RequestParameters = input.RequestParameters,
            RequestTemplates = input.RequestTemplates,
            CacheNamespace = input.CacheNamespace ?? resource.Id,
            CacheKeyParameters = input.CacheKeyParameters ?? [],
        };
        api.Resources[resource.Id] = resource with
        {
            ResourceMethods = With(resource.ResourceMethods, call["http_method"], method with { MethodIntegration = integration }),
        };
        return Reply.Json(Protocol, integration, SandboxJson.Context.Integration, 201);
    }

    public ServiceResult GetIntegration(RestApiRecord api, ServiceCall call)
    {
        var lookup = FindMethod(api, call);
        return lookup switch
        {
            { Method.MethodIntegration: { } integration } => Reply.Json(Protocol, integration, SandboxJson.Context.Integration),
            { Method: not null } => ApiGatewayErrors.NotFound("Invalid Integration identifier specified"),
            _ => lookup.Error!,
        };
    }

    public ServiceResult CreateAuthorizer(RestApiRecord api, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.Authorizer, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Type is not ("TOKEN" or "REQUEST" or "COGNITO_USER_POOLS"))
        {
            return ApiGatewayErrors.BadRequest("Invalid authorizer: a name and a type of TOKEN, REQUEST or COGNITO_USER_POOLS are required");
        }

        if (input.Type is "TOKEN" or "REQUEST" && string.IsNullOrEmpty(input.AuthorizerUri))
        {
            return ApiGatewayErrors.BadRequest("Authorizer URI is required for authorizers of type TOKEN or REQUEST");
        }

        if (input.Type == "COGNITO_USER_POOLS" && input.ProviderArns is not { Count: > 0 })
        {
            return ApiGatewayErrors.BadRequest("Provider ARNs are required for authorizers of type COGNITO_USER_POOLS");
        }

        var authorizer = input with
        {
            Id = env.Ids.Alphanumeric(6),
            AuthType = input.AuthType ?? (input.Type == "COGNITO_USER_POOLS" ? "cognito_user_pools" : "custom"),
            AuthorizerResultTtlInSeconds = input.AuthorizerResultTtlInSeconds ?? 300,
        };
        api.Authorizers[authorizer.Id!] = authorizer;
        return Reply.Json(Protocol, authorizer, SandboxJson.Context.Authorizer, 201);
    }

    /// <summary>
    /// UpdateAuthorizer: <c>replace</c> of <c>/name</c>, <c>/authorizerUri</c>, <c>/authorizerCredentials</c>,
    /// <c>/identitySource</c>, <c>/identityValidationExpression</c>, <c>/authorizerResultTtlInSeconds</c>. It changes the
    /// draft only: stages keep serving what their deployment froze until the API is deployed again.
    /// </summary>
    public ServiceResult UpdateAuthorizer(RestApiRecord api, ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.UpdateStageRequest, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (!api.Authorizers.TryGetValue(call["authorizer_id"], out var authorizer))
        {
            return ApiGatewayErrors.NotFound($"Invalid Authorizer identifier specified {env.AccountId}:{call["authorizer_id"]}");
        }

        foreach (var operation in input.PatchOperations ?? [])
        {
            if (operation.Op != "replace")
            {
                return ApiGatewayErrors.BadRequest($"Invalid patch operation specified. Must be one of: [replace], not '{operation.Op}'");
            }

            var value = operation.Value;
            Authorizer? next = operation.Path switch
            {
                "/name" when !string.IsNullOrWhiteSpace(value) => authorizer with { Name = value },
                "/authorizerUri" => authorizer with { AuthorizerUri = value },
                "/authorizerCredentials" => authorizer with { AuthorizerCredentials = string.IsNullOrEmpty(value) ? null : value },
                "/identitySource" => authorizer with { IdentitySource = value },
                "/identityValidationExpression" => authorizer with { IdentityValidationExpression = value },
                "/authorizerResultTtlInSeconds" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var ttl) && ttl is >= 0 and <= 3600 =>
                    authorizer with { AuthorizerResultTtlInSeconds = ttl },
                _ => null,
            };
            if (next is null)
            {
                return ApiGatewayErrors.BadRequest($"Invalid patch path '{operation.Path}' or value '{value}' specified for op 'replace'");
            }

            authorizer = next;
        }

        api.Authorizers[authorizer.Id!] = authorizer;
        return Reply.Json(Protocol, authorizer, SandboxJson.Context.Authorizer);
    }

    private static Dictionary<string, Method> With(IReadOnlyDictionary<string, Method>? methods, string verb, Method method) =>
        new(methods ?? new Dictionary<string, Method>(), StringComparer.Ordinal) { [verb] = method };
}
