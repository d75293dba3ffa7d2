using System.Text.Json.Serialization;

namespace Remediator.Lambda.Runtime;

/// <summary>Wire body of an error post.</summary>
internal sealed record RuntimeErrorBody(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace);

/// <summary>Source-generated serialization for the Runtime API bodies (no reflection at start-up).</summary>
[JsonSerializable(typeof(RuntimeErrorBody))]
internal sealed partial class RuntimeApiJsonContext : JsonSerializerContext;
