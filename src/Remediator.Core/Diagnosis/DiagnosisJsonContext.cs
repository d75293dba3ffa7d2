using System.Text.Json.Serialization;

namespace Remediator.Core.Diagnosis;

/// <summary>
/// Source-generated JSON for findings: camelCase names, enums as strings (<c>"REST"</c>, <c>"MissingInvokePermission"</c>),
/// timestamps as ISO 8601. The CLI's <c>--output json</c> and the Lambda's structured logs share it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(Finding))]
public sealed partial class DiagnosisJsonContext : JsonSerializerContext;
