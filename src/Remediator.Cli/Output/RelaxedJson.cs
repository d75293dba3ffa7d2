using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Remediator.Cli.Output;

/// <summary>JSON for a terminal or a pipe, not for HTML: only JSON's own escaping, so ARNs, quotes and log text read as written.</summary>
internal static class RelaxedJson
{
    /// <summary>The source-generated contract of <typeparamref name="T"/> from <paramref name="context"/>, with relaxed escaping.</summary>
    public static JsonTypeInfo<T> For<T>(JsonSerializerContext context) =>
        (JsonTypeInfo<T>)new JsonSerializerOptions(context.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
            .GetTypeInfo(typeof(T));
}
