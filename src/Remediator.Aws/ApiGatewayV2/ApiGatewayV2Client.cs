using System.Text.Json.Serialization.Metadata;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Core.Ports;

namespace Remediator.Aws.ApiGatewayV2;

/// <summary>API Gateway v2 over rest-json. Lists are followed with <c>nextToken</c> until none is returned.</summary>
public sealed class ApiGatewayV2Client(AwsHttpClient http) : IApiGatewayV2Client
{
    /// <summary>Page size asked for (the service caps it).</summary>
    public const int PageSize = 500;

    private const int MaxPages = 100;

    private static readonly ApiGatewayV2JsonContext Json = ApiGatewayV2JsonContext.Default;

    /// <inheritdoc />
    public async Task<HttpApi?> GetApiAsync(string apiId, CancellationToken cancellationToken)
    {
        var dto = await GetOrNullAsync("GetApi", AwsPath.Of("v2", "apis", apiId), Json.ApiDto, cancellationToken).ConfigureAwait(false);
        return dto is null ? null : ToApi(dto);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HttpApi>> GetApisAsync(CancellationToken cancellationToken) =>
        (await AllAsync("GetApis", AwsPath.Of("v2", "apis"), Json.PageApiDto, cancellationToken).ConfigureAwait(false)).Select(ToApi).ToList();

    /// <inheritdoc />
    public async Task<ApiStage?> GetStageAsync(string apiId, string stageName, CancellationToken cancellationToken)
    {
        var dto = await GetOrNullAsync("GetStage", AwsPath.Of("v2", "apis", apiId, "stages", stageName), Json.StageV2Dto, cancellationToken).ConfigureAwait(false);
        return dto is null ? null : ToStage(dto);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiStage>> GetStagesAsync(string apiId, CancellationToken cancellationToken) =>
        (await AllAsync("GetStages", AwsPath.Of("v2", "apis", apiId, "stages"), Json.PageStageV2Dto, cancellationToken).ConfigureAwait(false)).Select(ToStage).ToList();

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiRoute>> GetRoutesAsync(string apiId, CancellationToken cancellationToken) =>
        (await AllAsync("GetRoutes", AwsPath.Of("v2", "apis", apiId, "routes"), Json.PageRouteDto, cancellationToken).ConfigureAwait(false))
            .Select(r => new ApiRoute(Required(r.RouteId, "routeId"), Required(r.RouteKey, "routeKey"), r.Target, r.AuthorizationType, r.AuthorizerId))
            .ToList();

    /// <inheritdoc />
    public async Task<ApiIntegration?> GetIntegrationAsync(string apiId, string integrationId, CancellationToken cancellationToken)
    {
        var dto = await GetOrNullAsync("GetIntegration", AwsPath.Of("v2", "apis", apiId, "integrations", integrationId), Json.IntegrationV2Dto, cancellationToken).ConfigureAwait(false);
        return dto is null ? null : ToIntegration(dto);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiIntegration>> GetIntegrationsAsync(string apiId, CancellationToken cancellationToken) =>
        (await AllAsync("GetIntegrations", AwsPath.Of("v2", "apis", apiId, "integrations"), Json.PageIntegrationV2Dto, cancellationToken).ConfigureAwait(false)).Select(ToIntegration).ToList();

    /// <inheritdoc />
    public async Task<ApiAuthorizer?> GetAuthorizerAsync(string apiId, string authorizerId, CancellationToken cancellationToken)
    {
        var dto = await GetOrNullAsync("GetAuthorizer", AwsPath.Of("v2", "apis", apiId, "authorizers", authorizerId), Json.AuthorizerV2Dto, cancellationToken).ConfigureAwait(false);
        return dto is null
            ? null
            : new ApiAuthorizer(Required(dto.AuthorizerId, "authorizerId"), dto.Name ?? string.Empty, Required(dto.AuthorizerType, "authorizerType"), dto.AuthorizerUri, dto.AuthorizerCredentialsArn);
    }

    private async Task<List<T>> AllAsync<T>(string operation, string path, JsonTypeInfo<Page<T>> typeInfo, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? next = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = new List<KeyValuePair<string, string>> { new("maxResults", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            if (next is not null)
            {
                query.Add(new("nextToken", next));
            }

            var response = await http.SendAsync(Get(operation, path, query), cancellationToken).ConfigureAwait(false);
            var body = AwsJson.Deserialize(response, typeInfo);
            items.AddRange(body.Items ?? []);
            next = body.NextToken;
            if (string.IsNullOrEmpty(next))
            {
                return items;
            }
        }

        throw new InvalidDataException($"API Gateway v2 {operation} still had more pages after {MaxPages}.");
    }

    private async Task<T?> GetOrNullAsync<T>(string operation, string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var response = await http.SendAsync(Get(operation, path, []), cancellationToken).ConfigureAwait(false);
            return AwsJson.Deserialize(response, typeInfo);
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.NotFound))
        {
            return null;
        }
    }

    private static AwsRequest Get(string operation, string path, List<KeyValuePair<string, string>> query) =>
        new(AwsService.ApiGatewayV2, operation, HttpMethod.Get, path, query, Headers: [new("Accept", "application/json")]);

    private static HttpApi ToApi(ApiDto dto) =>
        new(Required(dto.ApiId, "apiId"), dto.Name ?? string.Empty, Required(dto.ProtocolType, "protocolType"), dto.ApiEndpoint)
        {
            Tags = ResourceTags.Of(dto.Tags),
        };

    private static ApiStage ToStage(StageV2Dto dto) =>
        new(Required(dto.StageName, "stageName"), dto.DeploymentId, dto.StageVariables ?? new Dictionary<string, string>())
        {
            Logging = ToLogging(dto),
        };

    // Route settings without a level inherit the default route settings' level, so only those that set one are kept.
    private static StageLogging ToLogging(StageV2Dto dto)
    {
        string? stageLevel = dto.DefaultRouteSettings?.LoggingLevel;
        Dictionary<string, string> overrides = (dto.RouteSettings ?? [])
            .Where(s => s.Value?.LoggingLevel is not null)
            .ToDictionary(s => s.Key, s => s.Value.LoggingLevel!, StringComparer.Ordinal);
        return stageLevel is null && overrides.Count == 0 && dto.AccessLogSettings?.DestinationArn is null
            ? StageLogging.None
            : new StageLogging(stageLevel, overrides, dto.AccessLogSettings?.DestinationArn);
    }

    private static ApiIntegration ToIntegration(IntegrationV2Dto dto) =>
        new(Required(dto.IntegrationId, "integrationId"), Required(dto.IntegrationType, "integrationType"), dto.IntegrationUri, dto.CredentialsArn, dto.PayloadFormatVersion);

    private static string Required(string? value, string name) =>
        value ?? throw new InvalidDataException($"API Gateway v2 answer lacks '{name}'.");
}
