using System.Text.Json.Serialization;

namespace Remediator.Sandbox.ApiGateway;

// API Gateway v1 resources as the wire shows them (also their stored form). Dates are epoch seconds,
// the model's default timestamp format for rest-json.

internal sealed record RestApi
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("createdDate")] public long CreatedDate { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("apiKeySource")] public string ApiKeySource { get; init; } = "HEADER";
    [JsonPropertyName("endpointConfiguration")] public EndpointConfiguration EndpointConfiguration { get; init; } = new(["EDGE"]);
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }
    [JsonPropertyName("disableExecuteApiEndpoint")] public bool DisableExecuteApiEndpoint { get; init; }
    [JsonPropertyName("rootResourceId")] public required string RootResourceId { get; init; }
}

internal sealed record EndpointConfiguration([property: JsonPropertyName("types")] IReadOnlyList<string>? Types);

internal sealed record Resource
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("parentId")] public string? ParentId { get; init; }
    [JsonPropertyName("pathPart")] public string? PathPart { get; init; }
    [JsonPropertyName("path")] public required string Path { get; init; }
    [JsonPropertyName("resourceMethods")] public IReadOnlyDictionary<string, Method>? ResourceMethods { get; init; }
}

internal sealed record Method
{
    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; init; }
    [JsonPropertyName("authorizationType")] public string? AuthorizationType { get; init; }
    [JsonPropertyName("authorizerId")] public string? AuthorizerId { get; init; }
    [JsonPropertyName("apiKeyRequired")] public bool? ApiKeyRequired { get; init; }
    [JsonPropertyName("operationName")] public string? OperationName { get; init; }
    [JsonPropertyName("requestParameters")] public IReadOnlyDictionary<string, bool>? RequestParameters { get; init; }
    [JsonPropertyName("methodIntegration")] public Integration? MethodIntegration { get; init; }
}

internal sealed record Integration
{
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; init; }
    [JsonPropertyName("uri")] public string? Uri { get; init; }
    [JsonPropertyName("connectionType")] public string ConnectionType { get; init; } = "INTERNET";
    [JsonPropertyName("credentials")] public string? Credentials { get; init; }
    [JsonPropertyName("requestParameters")] public IReadOnlyDictionary<string, string>? RequestParameters { get; init; }
    [JsonPropertyName("requestTemplates")] public IReadOnlyDictionary<string, string>? RequestTemplates { get; init; }
    [JsonPropertyName("passthroughBehavior")] public string PassthroughBehavior { get; init; } = "WHEN_NO_MATCH";
    [JsonPropertyName("contentHandling")] public string? ContentHandling { get; init; }
    [JsonPropertyName("timeoutInMillis")] public int TimeoutInMillis { get; init; } = 29000;
    [JsonPropertyName("cacheNamespace")] public string? CacheNamespace { get; init; }
    [JsonPropertyName("cacheKeyParameters")] public IReadOnlyList<string> CacheKeyParameters { get; init; } = [];
}

internal sealed record Deployment
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("createdDate")] public long CreatedDate { get; init; }
}

internal sealed record Stage
{
    [JsonPropertyName("deploymentId")] public required string DeploymentId { get; init; }
    [JsonPropertyName("stageName")] public required string StageName { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("cacheClusterEnabled")] public bool CacheClusterEnabled { get; init; }
    [JsonPropertyName("cacheClusterStatus")] public string CacheClusterStatus { get; init; } = "NOT_AVAILABLE";
    [JsonPropertyName("methodSettings")] public IReadOnlyDictionary<string, MethodSetting> MethodSettings { get; init; } = new Dictionary<string, MethodSetting>();
    [JsonPropertyName("variables")] public IReadOnlyDictionary<string, string>? Variables { get; init; }
    [JsonPropertyName("accessLogSettings")] public AccessLogSettings? AccessLogSettings { get; init; }
    [JsonPropertyName("tracingEnabled")] public bool TracingEnabled { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }
    [JsonPropertyName("createdDate")] public long CreatedDate { get; init; }
    [JsonPropertyName("lastUpdatedDate")] public long LastUpdatedDate { get; init; }
}

internal sealed record MethodSetting
{
    [JsonPropertyName("metricsEnabled")] public bool MetricsEnabled { get; init; }
    // Absent until set, as GetStage shows a setting created by another patch (aws-cli's update-stage example).
    [JsonPropertyName("loggingLevel")] public string? LoggingLevel { get; init; }
    [JsonPropertyName("dataTraceEnabled")] public bool DataTraceEnabled { get; init; }
    [JsonPropertyName("throttlingBurstLimit")] public int ThrottlingBurstLimit { get; init; } = 5000;
    [JsonPropertyName("throttlingRateLimit")] public double ThrottlingRateLimit { get; init; } = 10000;
}

internal sealed record AccessLogSettings(
    [property: JsonPropertyName("format")] string? Format,
    [property: JsonPropertyName("destinationArn")] string? DestinationArn);

internal sealed record Authorizer
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("providerARNs")] public IReadOnlyList<string>? ProviderArns { get; init; }
    [JsonPropertyName("authType")] public string? AuthType { get; init; }
    [JsonPropertyName("authorizerUri")] public string? AuthorizerUri { get; init; }
    [JsonPropertyName("authorizerCredentials")] public string? AuthorizerCredentials { get; init; }
    [JsonPropertyName("identitySource")] public string? IdentitySource { get; init; }
    [JsonPropertyName("identityValidationExpression")] public string? IdentityValidationExpression { get; init; }
    [JsonPropertyName("authorizerResultTtlInSeconds")] public int? AuthorizerResultTtlInSeconds { get; init; }
}

/// <summary>
/// What a deployment froze: the resources with their methods and integrations, and the authorizers, as they were
/// when it was created. A stage serves this, whatever the draft says later (API Gateway's "snapshot of the API").
/// </summary>
internal sealed record DeploymentSnapshot
{
    [JsonPropertyName("resources")] public required IReadOnlyDictionary<string, Resource> Resources { get; init; }
    [JsonPropertyName("authorizers")] public required IReadOnlyDictionary<string, Authorizer> Authorizers { get; init; }
}

/// <summary>A REST API with its draft resources, deployments (and what each froze), stages and authorizers, in creation order.</summary>
internal sealed class RestApiRecord
{
    [JsonPropertyName("api")] public required RestApi Api { get; set; }
    [JsonPropertyName("resources")] public Dictionary<string, Resource> Resources { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("deployments")] public Dictionary<string, Deployment> Deployments { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("snapshots")] public Dictionary<string, DeploymentSnapshot> Snapshots { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("stages")] public Dictionary<string, Stage> Stages { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("authorizers")] public Dictionary<string, Authorizer> Authorizers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>What <paramref name="stage"/> serves: its deployment's snapshot.</summary>
    // State saved before deployments kept snapshots has none: the draft is the best record of what they froze.
    public DeploymentSnapshot Deployed(Stage stage) => Snapshots.GetValueOrDefault(stage.DeploymentId) ?? Snapshot();

    /// <summary>Freezes the draft for a new deployment: records are immutable, so copying the maps is enough.</summary>
    public DeploymentSnapshot Snapshot() => new()
    {
        Resources = new Dictionary<string, Resource>(Resources, StringComparer.Ordinal),
        Authorizers = new Dictionary<string, Authorizer>(Authorizers, StringComparer.Ordinal),
    };
}
