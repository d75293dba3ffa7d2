using System.Text.Json.Serialization.Metadata;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Core;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Aws.ApiGateway;

/// <summary>API Gateway v1 over rest-json. Pages are followed with <c>position</c> until none is returned.</summary>
public sealed class ApiGatewayClient(AwsHttpClient http) : IApiGatewayClient
{
    /// <summary>The service's largest page.</summary>
    public const int PageSize = 500;

    // A bound on pages so a service that keeps answering with a position cannot loop us forever.
    private const int MaxPages = 100;

    // What GetExport is asked for: OpenAPI 3 with the extensions that say what each method calls.
    private const string ExportType = "oas30";
    private const string ExportExtensions = "integrations,authorizers";

    // The methodSettings key of the settings every method of the stage inherits.
    private const string StageWideMethodSetting = "*/*";

    private static readonly ApiGatewayJsonContext Json = ApiGatewayJsonContext.Default;

    /// <inheritdoc />
    public async Task<RestApi?> GetRestApiAsync(string restApiId, CancellationToken cancellationToken)
    {
        var dto = await GetOrNullAsync("GetRestApi", AwsPath.Of("restapis", restApiId), [], Json.RestApiDto, cancellationToken).ConfigureAwait(false);
        return dto is null ? null : ToRestApi(dto);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RestApi>> GetRestApisAsync(CancellationToken cancellationToken)
    {
        var apis = new List<RestApi>();
        await foreach (var page in PagesAsync("GetRestApis", AwsPath.Of("restapis"), [], Json.RestApisPage, p => p.Position, cancellationToken).ConfigureAwait(false))
        {
            apis.AddRange((page.Item ?? []).Select(ToRestApi));
        }

        return apis;
    }

    /// <inheritdoc />
    public async Task<RestStage?> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken)
    {
        var dto = await GetOrNullAsync("GetStage", AwsPath.Of("restapis", restApiId, "stages", stageName), [], Json.StageDto, cancellationToken).ConfigureAwait(false);
        return dto is null ? null : ToStage(dto);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RestStage>> GetStagesAsync(string restApiId, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(Get("GetStages", AwsPath.Of("restapis", restApiId, "stages"), []), cancellationToken).ConfigureAwait(false);
        return (AwsJson.Deserialize(response, Json.StagesDto).Item ?? []).Select(ToStage).ToList();
    }

    /// <inheritdoc />
    public async Task<Result<RestDeployment, string>?> GetStageDeploymentAsync(string restApiId, string stageName, CancellationToken cancellationToken)
    {
        // GetExport (botocore apigateway model): GET .../stages/{stage_name}/exports/{export_type}, the format in the
        // Accept header, the parameters map as query; extensions=integrations,authorizers exports both
        // x-amazon-apigateway-integration and x-amazon-apigateway-authorizer (aws/aws-cli#3133).
        var path = AwsPath.Of("restapis", restApiId, "stages", stageName, "exports", ExportType);
        var request = Get("GetExport", path, [new("extensions", ExportExtensions)]) with { MaxResponseBytes = RestExportReader.MaxBytes };
        try
        {
            var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return RestExportReader.Read(response.Body);
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.NotFound))
        {
            return null;
        }
        catch (InvalidDataException e)
        {
            // The bounded read stopped at RestExportReader.MaxBytes: nothing of a cut-off definition is used.
            return Result<RestDeployment, string>.Failure($"the stage export was not read whole ({e.Message})");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RestAuthorizer>> GetAuthorizersAsync(string restApiId, CancellationToken cancellationToken)
    {
        var authorizers = new List<RestAuthorizer>();
        await foreach (var page in PagesAsync("GetAuthorizers", AwsPath.Of("restapis", restApiId, "authorizers"), [], Json.AuthorizersPage, p => p.Position, cancellationToken).ConfigureAwait(false))
        {
            authorizers.AddRange((page.Item ?? []).Select(dto =>
                new RestAuthorizer(Required(dto.Id, "id"), dto.Name ?? string.Empty, Required(dto.Type, "type"), dto.AuthorizerUri, dto.AuthorizerCredentials)));
        }

        return authorizers;
    }

    private async IAsyncEnumerable<T> PagesAsync<T>(
        string operation,
        string path,
        List<KeyValuePair<string, string>> query,
        JsonTypeInfo<T> typeInfo,
        Func<T, string?> position,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? next = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var parameters = new List<KeyValuePair<string, string>>(query) { new("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            if (next is not null)
            {
                parameters.Add(new("position", next));
            }

            var response = await http.SendAsync(Get(operation, path, parameters), cancellationToken).ConfigureAwait(false);
            var body = AwsJson.Deserialize(response, typeInfo);
            yield return body;
            next = position(body);
            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }
        }

        throw new InvalidDataException($"API Gateway {operation} still had more pages after {MaxPages}.");
    }

    private async Task<T?> GetOrNullAsync<T>(string operation, string path, List<KeyValuePair<string, string>> query, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var response = await http.SendAsync(Get(operation, path, query), cancellationToken).ConfigureAwait(false);
            return AwsJson.Deserialize(response, typeInfo);
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.NotFound))
        {
            return null;
        }
    }

    // Without Accept: application/json API Gateway answers in HAL (_embedded/_links) instead of item/position.
    private static AwsRequest Get(string operation, string path, List<KeyValuePair<string, string>> query) =>
        new(AwsService.ApiGateway, operation, HttpMethod.Get, path, query, Headers: [new("Accept", "application/json")]);

    private static RestApi ToRestApi(RestApiDto dto) =>
        new(Required(dto.Id, "id"), dto.Name ?? string.Empty) { Tags = ResourceTags.Of(dto.Tags) };

    private static RestStage ToStage(StageDto dto) =>
        new(Required(dto.StageName, "stageName"), dto.DeploymentId, dto.Variables ?? new Dictionary<string, string>())
        {
            Logging = ToLogging(dto),
        };

    // "*/*" is the stage-wide level; every other key is one method's override. An override without a level
    // inherits the stage's, so only those that set one are kept.
    private static StageLogging ToLogging(StageDto dto)
    {
        Dictionary<string, MethodSettingDto> settings = dto.MethodSettings ?? [];
        string? stageLevel = settings.GetValueOrDefault(StageWideMethodSetting)?.LoggingLevel;
        Dictionary<string, string> overrides = settings
            .Where(s => s.Key != StageWideMethodSetting && s.Value?.LoggingLevel is not null)
            .ToDictionary(s => s.Key, s => s.Value.LoggingLevel!, StringComparer.Ordinal);
        return stageLevel is null && overrides.Count == 0 && dto.AccessLogSettings?.DestinationArn is null
            ? StageLogging.None
            : new StageLogging(stageLevel, overrides, dto.AccessLogSettings?.DestinationArn);
    }

    private static string Required(string? value, string name) =>
        value ?? throw new InvalidDataException($"API Gateway answer lacks '{name}'.");
}
