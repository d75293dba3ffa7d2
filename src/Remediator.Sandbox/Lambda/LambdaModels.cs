using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remediator.Sandbox.Lambda;

/// <summary>Lambda's <c>FunctionConfiguration</c> as the wire shows it (also the stored form).</summary>
internal sealed record FunctionConfiguration
{
    [JsonPropertyName("FunctionName")] public required string FunctionName { get; init; }
    [JsonPropertyName("FunctionArn")] public required string FunctionArn { get; init; }
    [JsonPropertyName("Runtime")] public string? Runtime { get; init; }
    [JsonPropertyName("Role")] public required string Role { get; init; }
    [JsonPropertyName("Handler")] public string? Handler { get; init; }
    [JsonPropertyName("CodeSize")] public long CodeSize { get; init; }
    [JsonPropertyName("Description")] public string Description { get; init; } = string.Empty;
    [JsonPropertyName("Timeout")] public int Timeout { get; init; } = 3;
    [JsonPropertyName("MemorySize")] public int MemorySize { get; init; } = 128;
    [JsonPropertyName("LastModified")] public required string LastModified { get; init; }
    [JsonPropertyName("CodeSha256")] public required string CodeSha256 { get; init; }
    [JsonPropertyName("Version")] public string Version { get; init; } = "$LATEST";
    [JsonPropertyName("Environment")] public FunctionEnvironment? Environment { get; init; }
    [JsonPropertyName("RevisionId")] public required string RevisionId { get; init; }
    [JsonPropertyName("State")] public string State { get; init; } = "Active";
    [JsonPropertyName("LastUpdateStatus")] public string LastUpdateStatus { get; init; } = "Successful";
    [JsonPropertyName("PackageType")] public string PackageType { get; init; } = "Zip";
    [JsonPropertyName("Architectures")] public IReadOnlyList<string> Architectures { get; init; } = ["x86_64"];
}

/// <summary>Environment variables of a function.</summary>
internal sealed record FunctionEnvironment([property: JsonPropertyName("Variables")] IReadOnlyDictionary<string, string>? Variables);

/// <summary>Lambda's <c>AliasConfiguration</c>.</summary>
internal sealed record AliasConfiguration
{
    [JsonPropertyName("AliasArn")] public required string AliasArn { get; init; }
    [JsonPropertyName("Name")] public required string Name { get; init; }
    [JsonPropertyName("FunctionVersion")] public required string FunctionVersion { get; init; }
    [JsonPropertyName("Description")] public string Description { get; init; } = string.Empty;
    [JsonPropertyName("RevisionId")] public required string RevisionId { get; init; }
}

/// <summary>
/// A function with everything hanging off it. Resource policies are kept per qualifier (<c>$LATEST</c> for the
/// unqualified ARN, an alias name, or a version number) because Lambda keeps them separate.
/// </summary>
internal sealed class FunctionRecord
{
    [JsonPropertyName("configuration")] public required FunctionConfiguration Configuration { get; set; }
    [JsonPropertyName("tags")] public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("aliases")] public Dictionary<string, AliasConfiguration> Aliases { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("versions")] public Dictionary<string, FunctionConfiguration> Versions { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("policies")] public Dictionary<string, List<JsonElement>> Policies { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Reserved concurrency (PutFunctionConcurrency); null when none is reserved. 0 throttles every invocation.</summary>
    [JsonPropertyName("reservedConcurrency")] public int? ReservedConcurrency { get; set; }
}
