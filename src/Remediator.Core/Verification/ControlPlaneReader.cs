using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// The control-plane reads of one invocation, memoised: many findings on one API cost one
/// GetRestApi, one GetStage, one GetExport per stage. Function policies are never memoised here: a decision
/// to write must rest on a fresh read with its RevisionId.
/// </summary>
public sealed class ControlPlaneReader(IApiGatewayClient restApis, IApiGatewayV2Client v2Apis, ILambdaClient lambda)
{
    private readonly Dictionary<(string Operation, string Key), object?> memo = [];

    /// <summary>GetRestApi; null when there is no such REST API.</summary>
    public Task<RestApi?> GetRestApiAsync(string apiId, CancellationToken cancellationToken) =>
        MemoAsync("GetRestApi", apiId, ct => restApis.GetRestApiAsync(apiId, ct), cancellationToken);

    /// <summary>GetStage (v1).</summary>
    public Task<RestStage?> GetRestStageAsync(string apiId, string stage, CancellationToken cancellationToken) =>
        MemoAsync("GetStage", $"{apiId}/{stage}", ct => restApis.GetStageAsync(apiId, stage, ct), cancellationToken);

    /// <summary>What the stage serves, from its export (GetExport); null when there is no such stage.</summary>
    public Task<Result<RestDeployment, string>?> GetStageDeploymentAsync(string apiId, string stage, CancellationToken cancellationToken) =>
        MemoAsync("GetExport", $"{apiId}/{stage}", ct => restApis.GetStageDeploymentAsync(apiId, stage, ct), cancellationToken);

    /// <summary>GetAuthorizers (v1, all pages).</summary>
    public Task<IReadOnlyList<RestAuthorizer>> GetRestAuthorizersAsync(string apiId, CancellationToken cancellationToken) =>
        MemoAsync("GetAuthorizers", apiId, ct => restApis.GetAuthorizersAsync(apiId, ct), cancellationToken);

    /// <summary>GetApi (v2); null when there is no such HTTP or WebSocket API.</summary>
    public Task<HttpApi?> GetApiAsync(string apiId, CancellationToken cancellationToken) =>
        MemoAsync("GetApi", apiId, ct => v2Apis.GetApiAsync(apiId, ct), cancellationToken);

    /// <summary>GetStage (v2).</summary>
    public Task<ApiStage?> GetApiStageAsync(string apiId, string stage, CancellationToken cancellationToken) =>
        MemoAsync("GetStageV2", $"{apiId}/{stage}", ct => v2Apis.GetStageAsync(apiId, stage, ct), cancellationToken);

    /// <summary>GetRoutes (all pages).</summary>
    public Task<IReadOnlyList<ApiRoute>> GetRoutesAsync(string apiId, CancellationToken cancellationToken) =>
        MemoAsync("GetRoutes", apiId, ct => v2Apis.GetRoutesAsync(apiId, ct), cancellationToken);

    /// <summary>GetIntegration (v2).</summary>
    public Task<ApiIntegration?> GetApiIntegrationAsync(string apiId, string integrationId, CancellationToken cancellationToken) =>
        MemoAsync("GetIntegrationV2", $"{apiId}/{integrationId}", ct => v2Apis.GetIntegrationAsync(apiId, integrationId, ct), cancellationToken);

    /// <summary>GetAuthorizer (v2).</summary>
    public Task<ApiAuthorizer?> GetApiAuthorizerAsync(string apiId, string authorizerId, CancellationToken cancellationToken) =>
        MemoAsync("GetAuthorizerV2", $"{apiId}/{authorizerId}", ct => v2Apis.GetAuthorizerAsync(apiId, authorizerId, ct), cancellationToken);

    /// <summary>GetAlias; null when the alias does not exist.</summary>
    public Task<FunctionAlias?> GetAliasAsync(string functionArn, string alias, CancellationToken cancellationToken) =>
        MemoAsync("GetAlias", $"{functionArn}:{alias}", ct => lambda.GetAliasAsync(functionArn, alias, ct), cancellationToken);

    /// <summary>GetFunctionConcurrency of the unqualified function; null when none is reserved.</summary>
    public Task<int?> GetReservedConcurrencyAsync(string functionArn, CancellationToken cancellationToken) =>
        MemoAsync("GetFunctionConcurrency", functionArn, ct => lambda.GetReservedConcurrencyAsync(functionArn, ct), cancellationToken);

    /// <summary>ListTags of the unqualified function.</summary>
    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string functionArn, CancellationToken cancellationToken) =>
        MemoAsync("ListTags", functionArn, ct => lambda.ListTagsAsync(functionArn, ct), cancellationToken);

    /// <summary>
    /// The API's tags, from the GetRestApi (REST) or GetApi (HTTP, WebSocket) answer resolution already read, so
    /// no call of their own; null when there is no such API.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>?> GetApiTagsAsync(ApiType apiType, string apiId, CancellationToken cancellationToken) =>
        apiType switch
        {
            ApiType.Rest => (await GetRestApiAsync(apiId, cancellationToken).ConfigureAwait(false))?.Tags,
            ApiType.Http or ApiType.WebSocket => (await GetApiAsync(apiId, cancellationToken).ConfigureAwait(false))?.Tags,
            _ => throw new ArgumentOutOfRangeException(nameof(apiType), apiType, "The control plane must have told the API's type."),
        };

    /// <summary>
    /// The stage's execution-log levels and access-log destination, from the GetStage answer resolution already
    /// read; null when there is no such stage.
    /// </summary>
    public async Task<StageLogging?> GetStageLoggingAsync(ApiType apiType, string apiId, string stage, CancellationToken cancellationToken) =>
        apiType switch
        {
            ApiType.Rest => (await GetRestStageAsync(apiId, stage, cancellationToken).ConfigureAwait(false))?.Logging,
            ApiType.Http or ApiType.WebSocket => (await GetApiStageAsync(apiId, stage, cancellationToken).ConfigureAwait(false))?.Logging,
            _ => throw new ArgumentOutOfRangeException(nameof(apiType), apiType, "The control plane must have told the API's type."),
        };

    // Findings are processed one after another, so a plain dictionary is enough; failures are not
    // memoised (an exception propagates and the invocation fails).
    private async Task<T> MemoAsync<T>(string operation, string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (memo.TryGetValue((operation, key), out object? known))
        {
            return (T)known!;
        }

        T value = await read(cancellationToken).ConfigureAwait(false);
        memo[(operation, key)] = value;
        return value;
    }
}
