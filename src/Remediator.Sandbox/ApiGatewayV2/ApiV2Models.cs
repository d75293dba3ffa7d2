using System.Text.Json.Serialization;

namespace Remediator.Sandbox.ApiGatewayV2;

// API Gateway v2 (HTTP and WebSocket APIs) as the wire shows them; the same records read create requests,
// whose members are the response members minus the ids. Dates are ISO-8601, as the v2 model declares.

internal sealed record Api
{
    [JsonPropertyName("apiId")] public string? ApiId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("protocolType")] public string? ProtocolType { get; init; }
    [JsonPropertyName("routeSelectionExpression")] public string? RouteSelectionExpression { get; init; }
    [JsonPropertyName("apiKeySelectionExpression")] public string? ApiKeySelectionExpression { get; init; }
    [JsonPropertyName("apiEndpoint")] public string? ApiEndpoint { get; init; }
    [JsonPropertyName("createdDate")] public DateTimeOffset? CreatedDate { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("disableExecuteApiEndpoint")] public bool? DisableExecuteApiEndpoint { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }

    // Quick-create members of CreateApi (request only).
    [JsonPropertyName("target")] public string? Target { get; init; }
    [JsonPropertyName("routeKey")] public string? RouteKey { get; init; }
    [JsonPropertyName("credentialsArn")] public string? CredentialsArn { get; init; }
}

internal sealed record ApiIntegration
{
    [JsonPropertyName("integrationId")] public string? IntegrationId { get; init; }
    [JsonPropertyName("integrationType")] public string? IntegrationType { get; init; }
    [JsonPropertyName("integrationUri")] public string? IntegrationUri { get; init; }
    [JsonPropertyName("integrationMethod")] public string? IntegrationMethod { get; init; }
    [JsonPropertyName("integrationSubtype")] public string? IntegrationSubtype { get; init; }
    [JsonPropertyName("credentialsArn")] public string? CredentialsArn { get; init; }
    [JsonPropertyName("connectionType")] public string? ConnectionType { get; init; }
    [JsonPropertyName("payloadFormatVersion")] public string? PayloadFormatVersion { get; init; }
    [JsonPropertyName("passthroughBehavior")] public string? PassthroughBehavior { get; init; }
    [JsonPropertyName("timeoutInMillis")] public int? TimeoutInMillis { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("requestParameters")] public IReadOnlyDictionary<string, string>? RequestParameters { get; init; }
    [JsonPropertyName("requestTemplates")] public IReadOnlyDictionary<string, string>? RequestTemplates { get; init; }
    [JsonPropertyName("templateSelectionExpression")] public string? TemplateSelectionExpression { get; init; }
}

internal sealed record Route
{
    [JsonPropertyName("routeId")] public string? RouteId { get; init; }
    [JsonPropertyName("routeKey")] public string? RouteKey { get; init; }
    [JsonPropertyName("target")] public string? Target { get; init; }
    [JsonPropertyName("authorizationType")] public string? AuthorizationType { get; init; }
    [JsonPropertyName("authorizerId")] public string? AuthorizerId { get; init; }
    [JsonPropertyName("apiKeyRequired")] public bool? ApiKeyRequired { get; init; }
    [JsonPropertyName("operationName")] public string? OperationName { get; init; }
    [JsonPropertyName("routeResponseSelectionExpression")] public string? RouteResponseSelectionExpression { get; init; }
}

internal sealed record ApiStage
{
    [JsonPropertyName("stageName")] public string? StageName { get; init; }
    [JsonPropertyName("stageVariables")] public IReadOnlyDictionary<string, string>? StageVariables { get; init; }
    [JsonPropertyName("autoDeploy")] public bool? AutoDeploy { get; init; }
    [JsonPropertyName("deploymentId")] public string? DeploymentId { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("createdDate")] public DateTimeOffset? CreatedDate { get; init; }
    [JsonPropertyName("lastUpdatedDate")] public DateTimeOffset? LastUpdatedDate { get; init; }
    [JsonPropertyName("defaultRouteSettings")] public RouteSettings? DefaultRouteSettings { get; init; }
    [JsonPropertyName("routeSettings")] public IReadOnlyDictionary<string, RouteSettings>? RouteSettings { get; init; }
    [JsonPropertyName("accessLogSettings")] public ApiAccessLogSettings? AccessLogSettings { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

internal sealed record RouteSettings
{
    [JsonPropertyName("detailedMetricsEnabled")] public bool? DetailedMetricsEnabled { get; init; }
    [JsonPropertyName("loggingLevel")] public string? LoggingLevel { get; init; }
    [JsonPropertyName("dataTraceEnabled")] public bool? DataTraceEnabled { get; init; }
    [JsonPropertyName("throttlingBurstLimit")] public int? ThrottlingBurstLimit { get; init; }
    [JsonPropertyName("throttlingRateLimit")] public double? ThrottlingRateLimit { get; init; }
}

internal sealed record ApiAccessLogSettings(
    [property: JsonPropertyName("destinationArn")] string? DestinationArn,
    [property: JsonPropertyName("format")] string? Format);

internal sealed record ApiAuthorizer
{
    [JsonPropertyName("authorizerId")] public string? AuthorizerId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("authorizerType")] public string? AuthorizerType { get; init; }
    [JsonPropertyName("authorizerUri")] public string? AuthorizerUri { get; init; }
    [JsonPropertyName("authorizerCredentialsArn")] public string? AuthorizerCredentialsArn { get; init; }
    [JsonPropertyName("identitySource")] public IReadOnlyList<string>? IdentitySource { get; init; }
    [JsonPropertyName("authorizerPayloadFormatVersion")] public string? AuthorizerPayloadFormatVersion { get; init; }
    [JsonPropertyName("authorizerResultTtlInSeconds")] public int? AuthorizerResultTtlInSeconds { get; init; }
    [JsonPropertyName("enableSimpleResponses")] public bool? EnableSimpleResponses { get; init; }
    [JsonPropertyName("identityValidationExpression")] public string? IdentityValidationExpression { get; init; }
    [JsonPropertyName("jwtConfiguration")] public JwtConfiguration? JwtConfiguration { get; init; }
}

internal sealed record JwtConfiguration(
    [property: JsonPropertyName("audience")] IReadOnlyList<string>? Audience,
    [property: JsonPropertyName("issuer")] string? Issuer);

/// <summary>One v2 page: <c>items</c> and <c>nextToken</c>.</summary>
internal sealed record ItemPage<T>(
    [property: JsonPropertyName("items")] IReadOnlyList<T> Items,
    [property: JsonPropertyName("nextToken")] string? NextToken);

/// <summary>An HTTP or WebSocket API with its integrations, routes, stages and authorizers.</summary>
internal sealed class ApiV2Record
{
    [JsonPropertyName("api")] public required Api Api { get; set; }
    [JsonPropertyName("integrations")] public Dictionary<string, ApiIntegration> Integrations { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("routes")] public Dictionary<string, Route> Routes { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("stages")] public Dictionary<string, ApiStage> Stages { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("authorizers")] public Dictionary<string, ApiAuthorizer> Authorizers { get; init; } = new(StringComparer.Ordinal);
}
