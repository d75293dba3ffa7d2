using System.Text.Json.Serialization;

namespace Remediator.Aws.ApiGateway;

/// <summary>A REST API.</summary>
internal sealed record RestApiDto(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("tags")] Dictionary<string, string>? Tags);

/// <summary>GetRestApis page.</summary>
internal sealed record RestApisPage(
    [property: JsonPropertyName("item")] List<RestApiDto>? Item,
    [property: JsonPropertyName("position")] string? Position);

/// <summary>A stage: <c>methodSettings</c> is keyed <c>*/*</c> or <c>{resource path, '/' as '~1'}/{METHOD}</c>.</summary>
internal sealed record StageDto(
    [property: JsonPropertyName("stageName")] string? StageName,
    [property: JsonPropertyName("deploymentId")] string? DeploymentId,
    [property: JsonPropertyName("variables")] Dictionary<string, string>? Variables,
    [property: JsonPropertyName("methodSettings")] Dictionary<string, MethodSettingDto>? MethodSettings,
    [property: JsonPropertyName("accessLogSettings")] AccessLogSettingsDto? AccessLogSettings);

/// <summary>The part of a method setting Remediator reads: <c>loggingLevel</c> (OFF, ERROR, INFO), absent when not set.</summary>
internal sealed record MethodSettingDto([property: JsonPropertyName("loggingLevel")] string? LoggingLevel);

/// <summary>Access-log settings.</summary>
internal sealed record AccessLogSettingsDto(
    [property: JsonPropertyName("destinationArn")] string? DestinationArn,
    [property: JsonPropertyName("format")] string? Format);

/// <summary>GetStages answer (not paginated).</summary>
internal sealed record StagesDto([property: JsonPropertyName("item")] List<StageDto>? Item);

/// <summary>An authorizer.</summary>
internal sealed record AuthorizerDto(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("authorizerUri")] string? AuthorizerUri,
    [property: JsonPropertyName("authorizerCredentials")] string? AuthorizerCredentials);

/// <summary>GetAuthorizers page.</summary>
internal sealed record AuthorizersPage(
    [property: JsonPropertyName("item")] List<AuthorizerDto>? Item,
    [property: JsonPropertyName("position")] string? Position);

/// <summary>Source-generated serialization for the API Gateway v1 wire DTOs.</summary>
[JsonSerializable(typeof(RestApiDto))]
[JsonSerializable(typeof(RestApisPage))]
[JsonSerializable(typeof(StageDto))]
[JsonSerializable(typeof(StagesDto))]
[JsonSerializable(typeof(AuthorizersPage))]
internal sealed partial class ApiGatewayJsonContext : JsonSerializerContext;
