using System.Text.Json.Serialization;

namespace Remediator.Sandbox.Admin;

/// <summary>Body of <c>POST /_sandbox/subscriptions</c>: deliver matching log events to an HTTP endpoint.</summary>
internal sealed record SubscriptionRequest
{
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("logGroupNamePrefix")] public string? LogGroupNamePrefix { get; init; }
    [JsonPropertyName("filterPattern")] public string? FilterPattern { get; init; }
    [JsonPropertyName("filterName")] public string? FilterName { get; init; }
}

/// <summary>One subscription as <c>GET /_sandbox/subscriptions</c> lists it.</summary>
internal sealed record SubscriptionView(
    [property: JsonPropertyName("filterName")] string FilterName,
    [property: JsonPropertyName("logGroupNamePrefix")] string LogGroupNamePrefix,
    [property: JsonPropertyName("filterPattern")] string FilterPattern,
    [property: JsonPropertyName("target")] string Target);

/// <summary>Body of <c>POST /_sandbox/role-permissions</c>: let an IAM role invoke the functions an ARN pattern matches.</summary>
internal sealed record RolePermissionRequest
{
    [JsonPropertyName("roleArn")] public string? RoleArn { get; init; }
    [JsonPropertyName("functionArn")] public string? FunctionArn { get; init; }
}

/// <summary>Body of <c>POST /_sandbox/role-trust</c>: the services an IAM role's trust policy names.</summary>
internal sealed record RoleTrustRequest
{
    [JsonPropertyName("roleArn")] public string? RoleArn { get; init; }
    [JsonPropertyName("trustedServices")] public List<string>? TrustedServices { get; init; }
}

/// <summary>
/// Body of <c>POST /_sandbox/tags</c> and its answer: tags laid over a REST API, an HTTP or WebSocket API (or a stage
/// of either) or a Lambda function, <c>aws:</c> keys included, as CloudFormation sets them on what a stack creates.
/// </summary>
internal sealed record SandboxTagsRequest
{
    [JsonPropertyName("resourceArn")] public string? ResourceArn { get; init; }
    [JsonPropertyName("tags")] public Dictionary<string, string>? Tags { get; init; }
}
