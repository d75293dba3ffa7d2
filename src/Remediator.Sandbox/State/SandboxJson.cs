using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Remediator.Sandbox.State;

/// <summary>The one set of JSON options the sandbox writes with.</summary>
internal static class SandboxJson
{
    // Relaxed escaping keeps ARNs, '+' and quotes in policies readable, as AWS writes them; the output is
    // always sent as application/json, never embedded in HTML.
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Source-generated metadata bound to the relaxed options.</summary>
    public static SandboxJsonContext Context { get; } = new(Options);

    /// <summary>Compact JSON text of a node.</summary>
    public static string Write(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Options);
    }

    /// <summary>An immutable element from JSON text.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
