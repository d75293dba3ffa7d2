using System.Text.Json.Serialization;

namespace Remediator.Lambda.Handling;

/// <summary>Source-generated serialization of the response (no reflection at start-up).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InvocationSummary))]
public sealed partial class HandlingJsonContext : JsonSerializerContext;
