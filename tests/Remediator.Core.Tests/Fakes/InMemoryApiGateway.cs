using System.Collections.Concurrent;
using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Fakes;

/// <summary>
/// API Gateway v1 control plane: REST APIs with stages, the methods their deployment serves (every stage serves the
/// same), and the authorizers, deployed and as the draft now defines them.
/// </summary>
public sealed class InMemoryApiGateway : IApiGatewayClient
{
    private readonly Dictionary<string, RestApi> apis = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), RestStage> stages = [];
    private readonly Dictionary<string, List<DeployedMethod>> methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DeployedAuthorizer>> deployedAuthorizers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RestAuthorizer>> authorizers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> exportFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> calls = new();

    public IReadOnlyList<string> Calls => calls.ToArray();

    public int Count(string operation) => calls.Count(call => call == operation);

    /// <summary>APIs whose GetRestApi is refused with AccessDenied (403), as an IAM policy scoped to other APIs refuses it.</summary>
    public HashSet<string> DeniedApis { get; } = new(StringComparer.Ordinal);

    public InMemoryApiGateway AddApi(string apiId, string name = "pets")
    {
        apis[apiId] = new RestApi(apiId, name);
        methods[apiId] = [];
        deployedAuthorizers[apiId] = new Dictionary<string, DeployedAuthorizer>(StringComparer.Ordinal);
        authorizers[apiId] = [];
        return this;
    }

    /// <summary>Deletes the API with its stages, methods and authorizers, as DeleteRestApi does.</summary>
    public InMemoryApiGateway RemoveApi(string apiId)
    {
        apis.Remove(apiId);
        foreach ((string, string) key in stages.Keys.Where(k => k.Item1 == apiId).ToArray())
        {
            stages.Remove(key);
        }

        methods.Remove(apiId);
        deployedAuthorizers.Remove(apiId);
        authorizers.Remove(apiId);
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

    /// <summary>Deploys a method (replacing one of the same path and verb) with its integration and, by id, its authorizer.</summary>
    public InMemoryApiGateway AddMethod(string apiId, string path, string httpMethod, RestIntegration integration, string? authorizerId = null)
    {
        List<DeployedMethod> list = methods[apiId];
        list.RemoveAll(m => m.Path == path && m.HttpMethod == httpMethod);
        list.Add(new DeployedMethod(path, httpMethod, integration, authorizerId is null ? null : AuthorizerName(authorizerId)));
        return this;
    }

    /// <summary>Deploys an authorizer; the draft defines the same one under the same id.</summary>
    public InMemoryApiGateway AddAuthorizer(string apiId, string authorizerId, string uri, string type = "TOKEN", string? credentials = null)
    {
        string name = AuthorizerName(authorizerId);
        deployedAuthorizers[apiId][name] = new DeployedAuthorizer(name, type, uri, credentials);
        authorizers[apiId].RemoveAll(a => a.Id == authorizerId);
        authorizers[apiId].Add(new RestAuthorizer(authorizerId, name, type, uri, credentials));
        return this;
    }

    /// <summary>Changes the draft authorizer without deploying it: the stage keeps serving what was deployed.</summary>
    public InMemoryApiGateway ChangeDraftAuthorizer(string apiId, string authorizerId, string uri)
    {
        int index = authorizers[apiId].FindIndex(a => a.Id == authorizerId);
        authorizers[apiId][index] = authorizers[apiId][index] with { AuthorizerUri = uri };
        return this;
    }

    /// <summary>Makes the API's stage exports unreadable (too large or malformed), with <paramref name="problem"/> as the reason.</summary>
    public InMemoryApiGateway FailExport(string apiId, string problem)
    {
        exportFailures[apiId] = problem;
        return this;
    }

    /// <summary>The name an authorizer is deployed and defined under.</summary>
    public static string AuthorizerName(string authorizerId) => $"auth-{authorizerId}";

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

    public Task<Result<RestDeployment, string>?> GetStageDeploymentAsync(string restApiId, string stageName, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetExport");
        if (!stages.ContainsKey((restApiId, stageName)))
        {
            return Task.FromResult<Result<RestDeployment, string>?>(null);
        }

        return Task.FromResult<Result<RestDeployment, string>?>(exportFailures.TryGetValue(restApiId, out string? problem)
            ? Result<RestDeployment, string>.Failure(problem)
            : new RestDeployment(methods[restApiId].ToArray(), new Dictionary<string, DeployedAuthorizer>(deployedAuthorizers[restApiId])));
    }

    public Task<IReadOnlyList<RestAuthorizer>> GetAuthorizersAsync(string restApiId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetAuthorizers");
        return Task.FromResult<IReadOnlyList<RestAuthorizer>>(authorizers.TryGetValue(restApiId, out List<RestAuthorizer>? list) ? list.ToArray() : []);
    }
}
