using System.Text.Json.Serialization;

namespace Remediator.Sandbox.Lambda;

// Request and response members of the Lambda operations the sandbox serves (botocore's lambda model).

internal sealed record CreateFunctionRequest
{
    [JsonPropertyName("FunctionName")] public string? FunctionName { get; init; }
    [JsonPropertyName("Runtime")] public string? Runtime { get; init; }
    [JsonPropertyName("Role")] public string? Role { get; init; }
    [JsonPropertyName("Handler")] public string? Handler { get; init; }
    [JsonPropertyName("Code")] public FunctionCode? Code { get; init; }
    [JsonPropertyName("Description")] public string? Description { get; init; }
    [JsonPropertyName("Timeout")] public int? Timeout { get; init; }
    [JsonPropertyName("MemorySize")] public int? MemorySize { get; init; }
    [JsonPropertyName("Publish")] public bool? Publish { get; init; }
    [JsonPropertyName("PackageType")] public string? PackageType { get; init; }
    [JsonPropertyName("Environment")] public FunctionEnvironment? Environment { get; init; }
    [JsonPropertyName("Tags")] public Dictionary<string, string>? Tags { get; init; }
    [JsonPropertyName("Architectures")] public List<string>? Architectures { get; init; }
}

internal sealed record FunctionCode
{
    [JsonPropertyName("ZipFile")] public string? ZipFile { get; init; }
    [JsonPropertyName("S3Bucket")] public string? S3Bucket { get; init; }
    [JsonPropertyName("S3Key")] public string? S3Key { get; init; }
    [JsonPropertyName("ImageUri")] public string? ImageUri { get; init; }
}

internal sealed record CreateAliasRequest
{
    [JsonPropertyName("Name")] public string? Name { get; init; }
    [JsonPropertyName("FunctionVersion")] public string? FunctionVersion { get; init; }
    [JsonPropertyName("Description")] public string? Description { get; init; }
}

internal sealed record PublishVersionRequest
{
    [JsonPropertyName("CodeSha256")] public string? CodeSha256 { get; init; }
    [JsonPropertyName("Description")] public string? Description { get; init; }
    [JsonPropertyName("RevisionId")] public string? RevisionId { get; init; }
}

internal sealed record TagResourceRequest
{
    [JsonPropertyName("Tags")] public Dictionary<string, string>? Tags { get; init; }
}

internal sealed record AddPermissionRequest
{
    [JsonPropertyName("StatementId")] public string? StatementId { get; init; }
    [JsonPropertyName("Action")] public string? Action { get; init; }
    [JsonPropertyName("Principal")] public string? Principal { get; init; }
    [JsonPropertyName("SourceArn")] public string? SourceArn { get; init; }
    [JsonPropertyName("SourceAccount")] public string? SourceAccount { get; init; }
    [JsonPropertyName("EventSourceToken")] public string? EventSourceToken { get; init; }
    [JsonPropertyName("RevisionId")] public string? RevisionId { get; init; }
    [JsonPropertyName("PrincipalOrgID")] public string? PrincipalOrgId { get; init; }
    [JsonPropertyName("FunctionUrlAuthType")] public string? FunctionUrlAuthType { get; init; }
}

internal sealed record FunctionCodeLocation(
    [property: JsonPropertyName("RepositoryType")] string RepositoryType,
    [property: JsonPropertyName("Location")] string Location);

internal sealed record GetFunctionResponse(
    [property: JsonPropertyName("Configuration")] FunctionConfiguration Configuration,
    [property: JsonPropertyName("Code")] FunctionCodeLocation Code,
    [property: JsonPropertyName("Tags")] IReadOnlyDictionary<string, string>? Tags);

internal sealed record ListFunctionsResponse(
    [property: JsonPropertyName("Functions")] IReadOnlyList<FunctionConfiguration> Functions);

internal sealed record ListTagsResponse([property: JsonPropertyName("Tags")] IReadOnlyDictionary<string, string> Tags);

internal sealed record AddPermissionResponse([property: JsonPropertyName("Statement")] string Statement);

internal sealed record GetPolicyResponse(
    [property: JsonPropertyName("Policy")] string Policy,
    [property: JsonPropertyName("RevisionId")] string RevisionId);

/// <summary>PutFunctionConcurrency's body and answer, and GetFunctionConcurrency's answer (no value: none reserved).</summary>
internal sealed record FunctionConcurrency(
    [property: JsonPropertyName("ReservedConcurrentExecutions")] int? ReservedConcurrentExecutions);
