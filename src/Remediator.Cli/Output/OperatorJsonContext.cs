using System.Text.Json.Serialization;

namespace Remediator.Cli.Output;

/// <summary>Source-generated JSON for the operator commands; absent values are written as null so every object has every key.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(AuditJson))]
[JsonSerializable(typeof(AccountsAuditJson))]
[JsonSerializable(typeof(RevertTargetFailureJson))]
[JsonSerializable(typeof(RevertJson))]
[JsonSerializable(typeof(RedriveJson))]
internal sealed partial class OperatorJsonContext : JsonSerializerContext;
