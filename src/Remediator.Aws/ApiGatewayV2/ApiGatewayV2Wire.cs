using System.Text.Json.Serialization;

namespace Remediator.Aws.ApiGatewayV2;

/// <summary>An HTTP/WebSocket API.</summary>
internal sealed record ApiDto(
    [property: JsonPropertyName("apiId")] string? ApiId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("protocolType")] string? ProtocolType,
    [property: JsonPropertyName("apiEndpoint")] string? ApiEndpoint,
    [property: JsonPropertyName("tags")] Dictionary<string, string>? Tags);

/// <summary>A stage: route settings (WebSocket execution-log levels) by route key, and the access-log settings.</summary>
internal sealed record StageV2Dto(
    [property: JsonPropertyName("stageName")] string? StageName,
    [property: JsonPropertyName("deploymentId")] string? DeploymentId,
    [property: JsonPropertyName("stageVariables")] Dictionary<string, string>? StageVariables,
    [property: JsonPropertyName("defaultRouteSettings")] RouteSettingsDto? DefaultRouteSettings,
    [property: JsonPropertyName("routeSettings")] Dictionary<string, RouteSettingsDto>? RouteSettings,
    [property: JsonPropertyName("accessLogSettings")] AccessLogSettingsV2Dto? AccessLogSettings);

/// <summary>The part of route settings Remediator reads: <c>loggingLevel</c> (ERROR, INFO, OFF; WebSocket APIs only).</summary>
internal sealed record RouteSettingsDto([property: JsonPropertyName("loggingLevel")] string? LoggingLevel);

/// <summary>Access-log settings.</summary>
internal sealed record AccessLogSettingsV2Dto(
    [property: JsonPropertyName("destinationArn")] string? DestinationArn,
    [property: JsonPropertyName("format")] string? Format);

/// <summary>A route.</summary>
internal sealed record RouteDto(
    [property: JsonPropertyName("routeId")] string? RouteId,
    [property: JsonPropertyName("routeKey")] string? RouteKey,
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("authorizationType")] string? AuthorizationType,
    [property: JsonPropertyName("authorizerId")] string? AuthorizerId);

/// <summary>An integration.</summary>
internal sealed record IntegrationV2Dto(
    [property: JsonPropertyName("integrationId")] string? IntegrationId,
    [property: JsonPropertyName("integrationType")] string? IntegrationType,
    [property: JsonPropertyName("integrationUri")] string? IntegrationUri,
    [property: JsonPropertyName("credentialsArn")] string? CredentialsArn,
    [property: JsonPropertyName("payloadFormatVersion")] string? PayloadFormatVersion);

/// <summary>An authorizer.</summary>
internal sealed record AuthorizerV2Dto(
    [property: JsonPropertyName("authorizerId")] string? AuthorizerId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("authorizerType")] string? AuthorizerType,
    [property: JsonPropertyName("authorizerUri")] string? AuthorizerUri,
    [property: JsonPropertyName("authorizerCredentialsArn")] string? AuthorizerCredentialsArn);

/// <summary>A page of any v2 list: <c>items</c> and <c>nextToken</c>.</summary>
internal sealed record Page<T>(
    [property: JsonPropertyName("items")] List<T>? Items,
    [property: JsonPropertyName("nextToken")] string? NextToken);

/// <summary>Source-generated serialization for the API Gateway v2 wire DTOs.</summary>
[JsonSerializable(typeof(ApiDto))]
[JsonSerializable(typeof(Page<ApiDto>))]
[JsonSerializable(typeof(StageV2Dto))]
[JsonSerializable(typeof(Page<StageV2Dto>))]
[JsonSerializable(typeof(Page<RouteDto>))]
[JsonSerializable(typeof(IntegrationV2Dto))]
[JsonSerializable(typeof(Page<IntegrationV2Dto>))]
[JsonSerializable(typeof(AuthorizerV2Dto))]
internal sealed partial class ApiGatewayV2JsonContext : JsonSerializerContext;
