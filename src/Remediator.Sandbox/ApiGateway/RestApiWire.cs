using System.Text.Json.Serialization;

namespace Remediator.Sandbox.ApiGateway;

// API Gateway v1 request bodies and list responses (botocore's apigateway model: list key "item"; PutIntegration
// sends integrationHttpMethod as "httpMethod" on the wire).

internal sealed record CreateRestApiRequest
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("apiKeySource")] public string? ApiKeySource { get; init; }
    [JsonPropertyName("endpointConfiguration")] public EndpointConfiguration? EndpointConfiguration { get; init; }
    [JsonPropertyName("tags")] public Dictionary<string, string>? Tags { get; init; }
    [JsonPropertyName("disableExecuteApiEndpoint")] public bool? DisableExecuteApiEndpoint { get; init; }
}

internal sealed record CreateResourceRequest([property: JsonPropertyName("pathPart")] string? PathPart);

internal sealed record PutIntegrationRequest
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("httpMethod")] public string? IntegrationHttpMethod { get; init; }
    [JsonPropertyName("uri")] public string? Uri { get; init; }
    [JsonPropertyName("credentials")] public string? Credentials { get; init; }
    [JsonPropertyName("connectionType")] public string? ConnectionType { get; init; }
    [JsonPropertyName("passthroughBehavior")] public string? PassthroughBehavior { get; init; }
    [JsonPropertyName("timeoutInMillis")] public int? TimeoutInMillis { get; init; }
    [JsonPropertyName("contentHandling")] public string? ContentHandling { get; init; }
    [JsonPropertyName("requestParameters")] public Dictionary<string, string>? RequestParameters { get; init; }
    [JsonPropertyName("requestTemplates")] public Dictionary<string, string>? RequestTemplates { get; init; }
    [JsonPropertyName("cacheNamespace")] public string? CacheNamespace { get; init; }
    [JsonPropertyName("cacheKeyParameters")] public List<string>? CacheKeyParameters { get; init; }
}

internal sealed record CreateDeploymentRequest
{
    [JsonPropertyName("stageName")] public string? StageName { get; init; }
    [JsonPropertyName("stageDescription")] public string? StageDescription { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("variables")] public Dictionary<string, string>? Variables { get; init; }
}

internal sealed record CreateStageRequest
{
    [JsonPropertyName("stageName")] public string? StageName { get; init; }
    [JsonPropertyName("deploymentId")] public string? DeploymentId { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("variables")] public Dictionary<string, string>? Variables { get; init; }
    [JsonPropertyName("tracingEnabled")] public bool? TracingEnabled { get; init; }
    [JsonPropertyName("tags")] public Dictionary<string, string>? Tags { get; init; }
}

internal sealed record PatchOperation
{
    [JsonPropertyName("op")] public string? Op { get; init; }
    [JsonPropertyName("path")] public string? Path { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("from")] public string? From { get; init; }
}

internal sealed record UpdateStageRequest([property: JsonPropertyName("patchOperations")] List<PatchOperation>? PatchOperations);

internal sealed record RestApiList(
    [property: JsonPropertyName("item")] IReadOnlyList<RestApi> Item,
    [property: JsonPropertyName("position")] string? Position);

internal sealed record ResourceList(
    [property: JsonPropertyName("item")] IReadOnlyList<Resource> Item,
    [property: JsonPropertyName("position")] string? Position);

internal sealed record AuthorizerList(
    [property: JsonPropertyName("item")] IReadOnlyList<Authorizer> Item,
    [property: JsonPropertyName("position")] string? Position);

internal sealed record StageList([property: JsonPropertyName("item")] IReadOnlyList<Stage> Item);

/// <summary>TagResource's body (v1 and v2 alike): <c>{"tags": {...}}</c>.</summary>
internal sealed record TagsRequest([property: JsonPropertyName("tags")] Dictionary<string, string>? Tags);

/// <summary>GetTags' answer (v1 and v2 alike): <c>{"tags": {...}}</c>.</summary>
internal sealed record TagsResponse([property: JsonPropertyName("tags")] IReadOnlyDictionary<string, string> Tags);
