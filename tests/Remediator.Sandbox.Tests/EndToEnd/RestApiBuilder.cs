using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Aws.Endpoints;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>Builds a REST API through the sandbox's control plane, deploys it, and sets its execution-log level (INFO unless told).</summary>
public sealed class RestApiBuilder(SandboxAccount account, string name)
{
    private readonly List<(string Verb, string Path, string Uri, string? Credentials, string? Authorizer)> methods = [];
    private readonly List<(string Key, string Uri, string? Credentials)> authorizers = [];

    public RestApiBuilder Method(string verb, string path, string uri, string? credentials = null, string? authorizer = null)
    {
        methods.Add((verb, path, uri, credentials, authorizer));
        return this;
    }

    /// <summary>A TOKEN authorizer known to methods by <paramref name="key"/>.</summary>
    public RestApiBuilder Authorizer(string key, string uri, string? credentials = null)
    {
        authorizers.Add((key, uri, credentials));
        return this;
    }

    /// <summary>Creates everything and deploys to <paramref name="stage"/>; returns the API id and the authorizer ids by key.</summary>
    public async Task<(string ApiId, IReadOnlyDictionary<string, string> Authorizers)> DeployAsync(string stage = "prod", IReadOnlyDictionary<string, string>? variables = null, string logLevel = "INFO")
    {
        JsonElement api = await account.SendAsync(AwsService.ApiGateway, "CreateRestApi", HttpMethod.Post, "/restapis", new JsonObject { ["name"] = name });
        string apiId = api.GetProperty("id").GetString()!;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string uri, string? credentials) in authorizers)
        {
            var body = new JsonObject
            {
                ["name"] = key,
                ["type"] = "TOKEN",
                ["authorizerUri"] = uri,
                ["identitySource"] = "method.request.header.Authorization",
            };
            if (credentials is not null)
            {
                body["authorizerCredentials"] = credentials;
            }

            JsonElement created = await account.SendAsync(AwsService.ApiGateway, "CreateAuthorizer", HttpMethod.Post, $"/restapis/{apiId}/authorizers", body);
            ids[key] = created.GetProperty("id").GetString()!;
        }

        var resources = new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = api.GetProperty("rootResourceId").GetString()! };
        foreach ((string verb, string path, string uri, string? credentials, string? authorizer) in methods)
        {
            string resourceId = await EnsureResourceAsync(apiId, resources, path);
            var method = new JsonObject { ["authorizationType"] = authorizer is null ? "NONE" : "CUSTOM" };
            if (authorizer is not null)
            {
                method["authorizerId"] = ids[authorizer];
            }

            string methodPath = $"/restapis/{apiId}/resources/{resourceId}/methods/{verb}";
            await account.SendAsync(AwsService.ApiGateway, "PutMethod", HttpMethod.Put, methodPath, method);
            var integration = new JsonObject { ["type"] = "AWS_PROXY", ["httpMethod"] = "POST", ["uri"] = uri };
            if (credentials is not null)
            {
                integration["credentials"] = credentials;
            }

            await account.SendAsync(AwsService.ApiGateway, "PutIntegration", HttpMethod.Put, methodPath + "/integration", integration);
        }

        var deployment = new JsonObject { ["stageName"] = stage };
        if (variables is not null)
        {
            deployment["variables"] = new JsonObject(variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)));
        }

        await account.SendAsync(AwsService.ApiGateway, "CreateDeployment", HttpMethod.Post, $"/restapis/{apiId}/deployments", deployment);
        var patch = new JsonObject
        {
            ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/*/*/logging/loglevel", ["value"] = logLevel }),
        };
        await account.SendAsync(AwsService.ApiGateway, "UpdateStage", HttpMethod.Patch, $"/restapis/{apiId}/stages/{stage}", patch);
        return (apiId, ids);
    }

    private async Task<string> EnsureResourceAsync(string apiId, Dictionary<string, string> resources, string path)
    {
        if (resources.TryGetValue(path, out string? known))
        {
            return known;
        }

        int slash = path.LastIndexOf('/');
        string parentPath = slash == 0 ? "/" : path[..slash];
        string parentId = await EnsureResourceAsync(apiId, resources, parentPath);
        JsonElement created = await account.SendAsync(
            AwsService.ApiGateway, "CreateResource", HttpMethod.Post, $"/restapis/{apiId}/resources/{parentId}", new JsonObject { ["pathPart"] = path[(slash + 1)..] });
        return resources[path] = created.GetProperty("id").GetString()!;
    }
}
