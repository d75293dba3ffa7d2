using System.Text.Json.Serialization;

namespace Remediator.Aws.Lambda;

/// <summary>GetPolicy answer.</summary>
internal sealed record GetPolicyResponse(
    [property: JsonPropertyName("Policy")] string? Policy,
    [property: JsonPropertyName("RevisionId")] string? RevisionId);

/// <summary>AddPermission body.</summary>
internal sealed record AddPermissionBody(
    [property: JsonPropertyName("StatementId")] string StatementId,
    [property: JsonPropertyName("Action")] string Action,
    [property: JsonPropertyName("Principal")] string Principal,
    [property: JsonPropertyName("SourceArn")] string? SourceArn,
    [property: JsonPropertyName("SourceAccount")] string? SourceAccount,
    [property: JsonPropertyName("RevisionId")] string? RevisionId);

/// <summary>AddPermission answer.</summary>
internal sealed record AddPermissionResponse([property: JsonPropertyName("Statement")] string? Statement);

/// <summary>GetAlias answer.</summary>
internal sealed record AliasResponse(
    [property: JsonPropertyName("Name")] string? Name,
    [property: JsonPropertyName("AliasArn")] string? AliasArn,
    [property: JsonPropertyName("FunctionVersion")] string? FunctionVersion,
    [property: JsonPropertyName("RevisionId")] string? RevisionId);

/// <summary>ListTags answer.</summary>
internal sealed record ListTagsResponse([property: JsonPropertyName("Tags")] Dictionary<string, string>? Tags);

/// <summary>GetFunctionConcurrency answer: no value when the function has no reserved concurrency.</summary>
internal sealed record FunctionConcurrencyResponse([property: JsonPropertyName("ReservedConcurrentExecutions")] int? ReservedConcurrentExecutions);

/// <summary>Source-generated serialization for the Lambda wire DTOs.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetPolicyResponse))]
[JsonSerializable(typeof(AddPermissionBody))]
[JsonSerializable(typeof(AddPermissionResponse))]
[JsonSerializable(typeof(AliasResponse))]
[JsonSerializable(typeof(ListTagsResponse))]
[JsonSerializable(typeof(FunctionConcurrencyResponse))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
