using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remediator.Cli.Demo;

/// <summary>Pretty-printing of the statement the demo shows (source-generated, readable quotes).</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DemoJsonContext : JsonSerializerContext
{
    public static DemoJsonContext Indented { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
