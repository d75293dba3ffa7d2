using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Aws.Endpoints;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>Builds an HTTP or WebSocket API through the sandbox's control plane (access logs or INFO execution logs on).</summary>
public sealed class V2ApiBuilder(SandboxAccount account, string name, string protocol)
{
    public const string AccessLogGroup = "/aws/vendedlogs/apigateway/access";

    private readonly List<(string RouteKey, string Uri, string? Credentials, string? Authorizer)> routes = [];
    private readonly List<(string Key, string Uri)> authorizers = [];

    public V2ApiBuilder Route(string routeKey, string uri, string? credentials = null, string? authorizer = null)
    {
        routes.Add((routeKey, uri, credentials, authorizer));
        return this;
    }

    public V2ApiBuilder Authorizer(string key, string uri)
    {
        authorizers.Add((key, uri));
        return this;
    }

    public async Task<(string ApiId, IReadOnlyDictionary<string, string> Authorizers)> DeployAsync(string stage = "$default", IReadOnlyDictionary<string, string>? variables = null)
    {
        var api = new JsonObject { ["name"] = name, ["protocolType"] = protocol };
        if (protocol == "WEBSOCKET")
        {
            api["routeSelectionExpression"] = "$request.body.action";
        }

        string apiId = (await account.SendAsync(AwsService.ApiGatewayV2, "CreateApi", HttpMethod.Post, "/v2/apis", api)).GetProperty("apiId").GetString()!;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string uri) in authorizers)
        {
            var body = new JsonObject
            {
                ["name"] = key,
                ["authorizerType"] = "REQUEST",
                ["authorizerUri"] = uri,
                ["identitySource"] = new JsonArray("$request.header.Authorization"),
                ["authorizerPayloadFormatVersion"] = "2.0",
            };
            ids[key] = (await account.SendAsync(AwsService.ApiGatewayV2, "CreateAuthorizer", HttpMethod.Post, $"/v2/apis/{apiId}/authorizers", body)).GetProperty("authorizerId").GetString()!;
        }

        foreach ((string routeKey, string uri, string? credentials, string? authorizer) in routes)
        {
            var integration = new JsonObject
            {
                ["integrationType"] = "AWS_PROXY",
                ["integrationUri"] = uri,
                ["payloadFormatVersion"] = protocol == "HTTP" ? "2.0" : "1.0",
            };
            if (credentials is not null)
            {
                integration["credentialsArn"] = credentials;
            }

            string integrationId = (await account.SendAsync(AwsService.ApiGatewayV2, "CreateIntegration", HttpMethod.Post, $"/v2/apis/{apiId}/integrations", integration))
                .GetProperty("integrationId").GetString()!;
            var route = new JsonObject
            {
                ["routeKey"] = routeKey,
                ["target"] = $"integrations/{integrationId}",
                ["authorizationType"] = authorizer is null ? "NONE" : "CUSTOM",
            };
            if (authorizer is not null)
            {
                route["authorizerId"] = ids[authorizer];
            }

            await account.SendAsync(AwsService.ApiGatewayV2, "CreateRoute", HttpMethod.Post, $"/v2/apis/{apiId}/routes", route);
        }

        var stageBody = new JsonObject { ["stageName"] = stage, ["autoDeploy"] = true };
        if (variables is not null)
        {
            stageBody["stageVariables"] = new JsonObject(variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)));
        }

        if (protocol == "HTTP")
        {
            stageBody["accessLogSettings"] = new JsonObject { ["destinationArn"] = $"arn:aws:logs:{account.Region}:{account.AccountId}:log-group:{AccessLogGroup}" };
        }
        else
        {
            stageBody["defaultRouteSettings"] = new JsonObject { ["loggingLevel"] = "INFO" };
        }

        await account.SendAsync(AwsService.ApiGatewayV2, "CreateStage", HttpMethod.Post, $"/v2/apis/{apiId}/stages", stageBody);
        return (apiId, ids);
    }
}
