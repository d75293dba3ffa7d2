using System.Collections.Concurrent;
using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Fakes;

/// <summary>API Gateway v2 control plane: HTTP and WebSocket APIs with stages, routes, integrations, authorizers.</summary>
public sealed class InMemoryApiGatewayV2 : IApiGatewayV2Client
{
    private readonly Dictionary<string, HttpApi> apis = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), ApiStage> stages = [];
    private readonly Dictionary<string, List<ApiRoute>> routes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), ApiIntegration> integrations = [];
    private readonly Dictionary<(string, string), ApiAuthorizer> authorizers = [];
    private readonly ConcurrentQueue<string> calls = new();

    public IReadOnlyList<string> Calls => calls.ToArray();

    public int Count(string operation) => calls.Count(call => call == operation);

    /// <summary>APIs whose GetApi is refused with AccessDenied (403), as an IAM policy scoped to other APIs refuses it.</summary>
    public HashSet<string> DeniedApis { get; } = new(StringComparer.Ordinal);

    public InMemoryApiGatewayV2 AddApi(string apiId, string protocol = "HTTP", string name = "items")
    {
        apis[apiId] = new HttpApi(apiId, name, protocol, $"https://{apiId}.execute-api.us-east-1.amazonaws.com");
        routes[apiId] = [];
        return this;
    }

    public InMemoryApiGatewayV2 AddStage(string apiId, string stage, IReadOnlyDictionary<string, string>? variables = null)
    {
        stages[(apiId, stage)] = new ApiStage(stage, "dep1", variables ?? new Dictionary<string, string>()) { Logging = Delivering };
        return this;
    }

    /// <summary>The access-log group the tests' HTTP lines come from.</summary>
    public const string AccessLogGroup = "/aws/vendedlogs/apigateway/items/access";

    /// <summary>
    /// The logging a stage starts with: route logs at INFO (WebSocket) and access logs to <see cref="AccessLogGroup"/>
    /// (HTTP), as for a stage whose lines reach Remediator; tests of the log source set other logging with SetLogging.
    /// </summary>
    public static StageLogging Delivering { get; } = StageLogging.None with
    {
        LoggingLevel = "INFO",
        AccessLogDestinationArn = "arn:aws:logs:us-east-1:123456789012:log-group:" + AccessLogGroup,
    };

    /// <summary>Sets the tags GetApi answers with.</summary>
    public InMemoryApiGatewayV2 TagApi(string apiId, IReadOnlyDictionary<string, string> tags)
    {
        apis[apiId] = apis[apiId] with { Tags = tags };
        return this;
    }

    /// <summary>Sets the stage's logging (route settings, accessLogSettings) GetStage answers with.</summary>
    public InMemoryApiGatewayV2 SetLogging(string apiId, string stage, StageLogging logging)
    {
        stages[(apiId, stage)] = stages[(apiId, stage)] with { Logging = logging };
        return this;
    }

    public InMemoryApiGatewayV2 AddRoute(
        string apiId, string routeKey, string integrationUri, string type = "AWS_PROXY", string? credentials = null, string? authorizerId = null)
    {
        List<ApiRoute> list = routes[apiId];
        string integrationId = $"i{list.Count + 1}";
        integrations[(apiId, integrationId)] = new ApiIntegration(integrationId, type, integrationUri, credentials, "2.0");
        list.Add(new ApiRoute($"rt{list.Count + 1}", routeKey, $"integrations/{integrationId}", authorizerId is null ? "NONE" : "CUSTOM", authorizerId));
        return this;
    }

    public InMemoryApiGatewayV2 AddAuthorizer(string apiId, string authorizerId, string uri, string type = "REQUEST", string? credentials = null)
    {
        authorizers[(apiId, authorizerId)] = new ApiAuthorizer(authorizerId, "auth", type, uri, credentials);
        return this;
    }

    public Task<HttpApi?> GetApiAsync(string apiId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetApi");
        if (DeniedApis.Contains(apiId))
        {
            throw new AwsServiceException("apigateway", "GetApi", AwsErrorCodes.AccessDenied, 403, $"not authorized to perform apigateway:GET on /apis/{apiId}", "req-1");
        }

        return Task.FromResult(apis.GetValueOrDefault(apiId));
    }

    public Task<IReadOnlyList<HttpApi>> GetApisAsync(CancellationToken cancellationToken)
    {
        calls.Enqueue("GetApis");
        return Task.FromResult<IReadOnlyList<HttpApi>>(apis.Values.ToArray());
    }

    public Task<ApiStage?> GetStageAsync(string apiId, string stageName, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetStage");
        return Task.FromResult(stages.GetValueOrDefault((apiId, stageName)));
    }

    public Task<IReadOnlyList<ApiStage>> GetStagesAsync(string apiId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetStages");
        return Task.FromResult<IReadOnlyList<ApiStage>>(stages.Where(s => s.Key.Item1 == apiId).Select(s => s.Value).ToArray());
    }

    public Task<IReadOnlyList<ApiRoute>> GetRoutesAsync(string apiId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetRoutes");
        return Task.FromResult<IReadOnlyList<ApiRoute>>(routes.TryGetValue(apiId, out List<ApiRoute>? list) ? list.ToArray() : []);
    }

    public Task<ApiIntegration?> GetIntegrationAsync(string apiId, string integrationId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetIntegration");
        return Task.FromResult(integrations.GetValueOrDefault((apiId, integrationId)));
    }

    public Task<IReadOnlyList<ApiIntegration>> GetIntegrationsAsync(string apiId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetIntegrations");
        return Task.FromResult<IReadOnlyList<ApiIntegration>>(integrations.Where(i => i.Key.Item1 == apiId).Select(i => i.Value).ToArray());
    }

    public Task<ApiAuthorizer?> GetAuthorizerAsync(string apiId, string authorizerId, CancellationToken cancellationToken)
    {
        calls.Enqueue("GetAuthorizer");
        return Task.FromResult(authorizers.GetValueOrDefault((apiId, authorizerId)));
    }
}
