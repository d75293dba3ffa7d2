using System.Globalization;
using System.Text.Json.Nodes;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.ApiGateway;

/// <summary>
/// GetExport: <c>GET /restapis/{id}/stages/{stage}/exports/{oas30|swagger}</c>, the definition the stage's deployment
/// froze (not the draft), as JSON (<c>Accept: application/json</c>, the default). The <c>extensions</c> query
/// parameter (comma-separated) adds <c>x-amazon-apigateway-integration</c> per method for <c>integrations</c> or
/// <c>apigateway</c>, and <c>x-amazon-apigateway-authorizer</c> per security scheme for <c>authorizers</c> or
/// <c>apigateway</c>; <c>postman</c> adds nothing here. Operations are keyed by lower-case verb, <c>ANY</c> as
/// <c>x-amazon-apigateway-any-method</c>; integration types and passthrough behaviours are lower-case, as the
/// extension documents them. The sandbox does not write YAML.
/// </summary>
internal sealed class RestApiExport(SandboxEnvironment env)
{
    public ServiceResult GetExport(RestApiRecord api, ServiceCall call, SandboxRequest request)
    {
        var exportType = call["export_type"];
        if (exportType is not ("oas30" or "swagger"))
        {
            return ApiGatewayErrors.BadRequest($"Invalid export type specified: {exportType}");
        }

        var accept = request.Header("Accept");
        if (accept is not null && !accept.Split(',').Any(a => a.Trim() is "application/json" or "*/*"))
        {
            return ApiGatewayErrors.BadRequest($"The sandbox exports application/json only, not {accept}");
        }

        if (!api.Stages.TryGetValue(call["stage_name"], out var stage))
        {
            return ApiGatewayErrors.NotFound("Invalid stage identifier specified");
        }

        var extensions = request.QueryValues("extensions").SelectMany(e => e.Split(',')).Select(e => e.Trim()).ToHashSet(StringComparer.Ordinal);
        var integrations = extensions.Contains("integrations") || extensions.Contains("apigateway");
        var authorizers = extensions.Contains("authorizers") || extensions.Contains("apigateway");
        var openApi = exportType == "oas30";
        var document = Document(api, stage, api.Deployed(stage), openApi, integrations, authorizers);
        var headers = new Dictionary<string, string>
        {
            ["Content-Disposition"] = $"attachment; filename=\"{exportType}_{DeployedAt(api, stage)}.json\"",
        };
        return SandboxResponse.Text(200, Reply.JsonContentType, document.ToJsonString(), headers);
    }

    private JsonObject Document(RestApiRecord api, Stage stage, DeploymentSnapshot served, bool openApi, bool integrations, bool authorizers)
    {
        var document = new JsonObject
        {
            [openApi ? "openapi" : "swagger"] = openApi ? "3.0.1" : "2.0",
            ["info"] = new JsonObject { ["title"] = api.Api.Name, ["version"] = DeployedAt(api, stage) },
        };
        var host = $"{api.Api.Id}.execute-api.{env.Region}.amazonaws.com";
        if (openApi)
        {
            document["servers"] = new JsonArray(new JsonObject
            {
                ["url"] = $"https://{host}/{{basePath}}",
                ["variables"] = new JsonObject { ["basePath"] = new JsonObject { ["default"] = stage.StageName } },
            });
        }
        else
        {
            document["host"] = host;
            document["basePath"] = "/" + stage.StageName;
            document["schemes"] = new JsonArray("https");
        }

        var paths = new JsonObject();
        foreach (var resource in served.Resources.Values.Where(r => r.ResourceMethods is { Count: > 0 }).OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            var item = new JsonObject();
            foreach (var (verb, method) in resource.ResourceMethods!.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                item[verb == "ANY" ? "x-amazon-apigateway-any-method" : verb.ToLowerInvariant()] = Operation(resource, method, served, openApi, integrations);
            }

            paths[resource.Path] = item;
        }

        document["paths"] = paths;
        var schemes = Schemes(served, authorizers);
        if (schemes.Count > 0)
        {
            document[openApi ? "components" : "securityDefinitions"] = openApi ? new JsonObject { ["securitySchemes"] = schemes } : schemes;
        }

        return document;
    }

    private static JsonObject Operation(Resource resource, Method method, DeploymentSnapshot served, bool openApi, bool integrations)
    {
        var operation = new JsonObject();
        var parameters = new JsonArray();
        foreach (var part in resource.Path.Split('/').Where(p => p.StartsWith('{')))
        {
            var name = part.Trim('{', '}', '+');
            parameters.Add(openApi
                ? new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } }
                : new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["type"] = "string" });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        operation["responses"] = new JsonObject();
        if (Security(method, served) is { } security)
        {
            operation["security"] = new JsonArray(new JsonObject { [security] = new JsonArray() });
        }

        if (integrations && method.MethodIntegration is { } integration)
        {
            operation["x-amazon-apigateway-integration"] = Integration(integration);
        }

        return operation;
    }

    // The scheme a method requires: its authorizer by name, sigv4 for AWS_IAM, none otherwise.
    private static string? Security(Method method, DeploymentSnapshot served) => method.AuthorizationType switch
    {
        "CUSTOM" or "COGNITO_USER_POOLS" when method.AuthorizerId is not null && served.Authorizers.TryGetValue(method.AuthorizerId, out var authorizer) => authorizer.Name,
        "AWS_IAM" => "sigv4",
        _ => null,
    };

    private static JsonObject Integration(Integration integration)
    {
        var exported = new JsonObject { ["type"] = integration.Type.ToLowerInvariant() };
        Set(exported, "httpMethod", integration.HttpMethod);
        Set(exported, "uri", integration.Uri);
        Set(exported, "credentials", integration.Credentials);
        exported["passthroughBehavior"] = integration.PassthroughBehavior.ToLowerInvariant();
        Set(exported, "contentHandling", integration.ContentHandling);
        exported["timeoutInMillis"] = integration.TimeoutInMillis;
        if (integration.RequestParameters is { Count: > 0 } parameters)
        {
            exported["requestParameters"] = new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        if (integration.RequestTemplates is { Count: > 0 } templates)
        {
            exported["requestTemplates"] = new JsonObject(templates.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
        }

        Set(exported, "cacheNamespace", integration.CacheNamespace);
        if (integration.CacheKeyParameters.Count > 0)
        {
            exported["cacheKeyParameters"] = new JsonArray([.. integration.CacheKeyParameters.Select(k => (JsonNode)k)]);
        }

        return exported;
    }

    private static JsonObject Schemes(DeploymentSnapshot served, bool authorizers)
    {
        var schemes = new JsonObject();
        foreach (var authorizer in served.Authorizers.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var cognito = authorizer.Type == "COGNITO_USER_POOLS";
            var scheme = new JsonObject
            {
                ["type"] = "apiKey",
                ["name"] = HeaderOf(authorizer.IdentitySource) ?? "Unused",
                ["in"] = "header",
                ["x-amazon-apigateway-authtype"] = cognito ? "cognito_user_pools" : "custom",
            };
            if (authorizers)
            {
                var extension = new JsonObject { ["type"] = authorizer.Type!.ToLowerInvariant() };
                Set(extension, "authorizerUri", authorizer.AuthorizerUri);
                Set(extension, "authorizerCredentials", authorizer.AuthorizerCredentials);
                if (authorizer.AuthorizerResultTtlInSeconds is { } ttl)
                {
                    extension["authorizerResultTtlInSeconds"] = ttl;
                }

                Set(extension, "identitySource", authorizer.IdentitySource);
                Set(extension, "identityValidationExpression", authorizer.IdentityValidationExpression);
                if (cognito && authorizer.ProviderArns is { Count: > 0 } providers)
                {
                    extension["providerARNs"] = new JsonArray([.. providers.Select(p => (JsonNode)p)]);
                }

                scheme["x-amazon-apigateway-authorizer"] = extension;
            }

            schemes[authorizer.Name!] = scheme;
        }

        if (served.Resources.Values.SelectMany(r => r.ResourceMethods?.Values ?? []).Any(m => m.AuthorizationType == "AWS_IAM"))
        {
            schemes["sigv4"] = new JsonObject { ["type"] = "apiKey", ["name"] = "Authorization", ["in"] = "header", ["x-amazon-apigateway-authtype"] = "awsSigv4" };
        }

        return schemes;
    }

    // A TOKEN authorizer's identity source names one header: method.request.header.<Name>.
    private static string? HeaderOf(string? identitySource)
    {
        const string Prefix = "method.request.header.";
        return identitySource is not null && identitySource.StartsWith(Prefix, StringComparison.Ordinal) && !identitySource.Contains(',', StringComparison.Ordinal)
            ? identitySource[Prefix.Length..]
            : null;
    }

    private static string DeployedAt(RestApiRecord api, Stage stage) =>
        DateTimeOffset.FromUnixTimeSeconds(api.Deployments.GetValueOrDefault(stage.DeploymentId)?.CreatedDate ?? 0)
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
