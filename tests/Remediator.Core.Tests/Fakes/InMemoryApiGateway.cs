using System.Collections.Concurrent;
using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Fakes;

/// <summary>API Gateway v1 control plane: REST APIs with stages, resources (methods embedded or not), integrations, authorizers.</summary>
public sealed class InMemoryApiGateway : IApiGatewayClient
{
    private readonly Dictionary<string, RestApi> apis = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), RestStage> stages = [];
    private readonly Dictionary<string, List<RestResource>> resources = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string, string), RestIntegration> integrations = [];
    private readonly Dictionary<(string, string), RestAuthorizer> authorizers = [];
    private readonly ConcurrentQueue<string> calls = new();

    public IReadOnlyList<string> Calls => calls.ToArray();

    public int Count(string operation) => calls.Count(call => call == operation);

    /// <summary>APIs whose GetRestApi is refused with AccessDenied (403), as an IAM policy scoped to other APIs refuses it.</summary>
    public HashSet<string> DeniedApis { get; } = new(StringComparer.Ordinal);

    public InMemoryApiGateway AddApi(string apiId, string name = "pets")
    {
        apis[apiId] = new RestApi(apiId, name);
        resources[apiId] = [];
        return this;
    }

    public InMemoryApiGateway AddStage(string apiId, string stage, IReadOnlyDictionary<string, string>? variables = null)
    {
        // A stage that logs at INFO, as one whose execution-log lines reach Remediator does; tests of the log
        // source set other logging with SetLogging.
        stages[(apiId, stage)] = new RestStage(stage, "dep1", variables ?? new Dictionary<string, string>()) { Logging = LogsAtInfo };
        return this;
    }

    /// <summary>The logging a stage starts with: execution logs at INFO for every method.</summary>
    public static StageLogging LogsAtInfo { get; } = StageLogging.None with { LoggingLevel = "INFO" };

    /// <summary>Sets the tags GetRestApi answers with.</summary>
    public InMemoryApiGateway TagApi(string apiId, IReadOnlyDictionary<string, string> tags)
    {
        apis[apiId] = apis[apiId] with { Tags = tags };
        return this;
    }

    /// <summary>Sets the stage's logging (methodSettings, accessLogSettings) GetStage answers with.</summary>
    public InMemoryApiGateway SetLogging(string apiId, string stage, StageLogging logging)
    {
        stages[(apiId, stage)] = stages[(apiId, stage)] with { Logging = logging };
        return this;
    }

    /// <summary>Adds a resource with one method; <paramref name="embed"/> false leaves the integration to GetIntegration.</summary>
    public InMemoryApiGateway AddMethod(
        string apiId, string path, string httpMethod, RestIntegration integration, string? authorizerId = null, bool embed = true)
    {
        List<RestResource> list = resources[apiId];
        RestResource? existing = list.FirstOrDefault(r => r.Path == path);
        string resourceId = existing?.Id ?? $"r{list.Count + 1}";
        var method = new RestMethod(httpMethod, authorizerId is null ? "NONE" : "CUSTOM", authorizerId, embed ? integration : null);
        var methods = new Dictionary<string, RestMethod>(existing?.Methods ?? new Dictionary<string, RestMethod>()) { [httpMethod] = method };
        var resource = new RestResource(resourceId, null, path, path.Split('/')[^1], methods);
        if (existing is not null)
        {
            list.Remove(existing);
        }

        list.Add(resource);
        integrations[(apiId, resourceId, httpMethod)] = integration;
        return this;
    }

    public InMemoryApiGateway AddAuthorizer(string apiId, string authorizerId, string uri, string type = "TOKEN", string? credentials = null)
    {
        authorizers[(apiId, authorizerId)] = new RestAuthorizer(authorizerId, "auth", type, uri, credentials);
        return this;
    }

    public Task<RestApi?> GetRestApiAsync(string restApiId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetRestApi");
        if (DeniedApis.Contains(restApiId))
        {
            throw new AwsServiceException("apigateway", "GetRestApi", AwsErrorCodes.AccessDenied, 403, $"not authorized to perform apigateway:GET on /restapis/{restApiId}", "req-1");
        }

        return Task.FromResult(apis.GetValueOrDefault(restApiId));
    }

    public Task<IReadOnlyList<RestApi>> GetRestApisAsync(CancellationToken cancellationToken)
    {
        calls.Enqueue("GetRestApis");
        return Task.FromResult<IReadOnlyList<RestApi>>(apis.Values.ToArray());
    }

    public Task<RestStage?> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetStage");
        return Task.FromResult(stages.GetValueOrDefault((restApiId, stageName)));
    }

    public Task<IReadOnlyList<RestStage>> GetStagesAsync(string restApiId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetStages");
        return Task.FromResult<IReadOnlyList<RestStage>>(stages.Where(s => s.Key.Item1 == restApiId).Select(s => s.Value).ToArray());
    }

    public Task<IReadOnlyList<RestResource>> GetResourcesAsync(string restApiId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetResources");
        return Task.FromResult<IReadOnlyList<RestResource>>(resources.TryGetValue(restApiId, out List<RestResource>? list) ? list.ToArray() : []);
    }

    public Task<RestIntegration?> GetIntegrationAsync(string restApiId, string resourceId, string httpMethod, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetIntegration");
        return Task.FromResult(integrations.GetValueOrDefault((restApiId, resourceId, httpMethod)));
    }

    public Task<RestAuthorizer?> GetAuthorizerAsync(string restApiId, string authorizerId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetAuthorizer");
        return Task.FromResult(authorizers.GetValueOrDefault((restApiId, authorizerId)));
    }
}
