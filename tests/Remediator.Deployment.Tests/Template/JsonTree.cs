using System.Text.Json.Nodes;

namespace Remediator.Deployment.Tests.Template;

/// <summary>Small helpers for walking and comparing the template tree.</summary>
internal static class JsonTree
{
    /// <summary>Every object node under <paramref name="node"/>, depth first, itself included.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>The single key of an intrinsic-function object such as <c>{"Ref": "X"}</c>, else null.</summary>
    public static string? FunctionName(JsonNode? node) =>
        node is JsonObject { Count: 1 } obj && obj.First().Key is var key && (key == "Ref" || key == "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal))
            ? key
            : null;

    /// <summary>A node as a list: arrays as they are, a single value as a one-element list.</summary>
    public static IReadOnlyList<JsonNode?> AsList(JsonNode? node) => node is JsonArray array ? [.. array] : [node];

    public static string Text(JsonNode? node) => node!.GetValue<string>();

    public static bool SameJson(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);

    public static JsonObject Ref(string name) => new() { ["Ref"] = name };

    public static JsonObject GetAtt(string resource, string attribute) => new() { ["Fn::GetAtt"] = new JsonArray(resource, attribute) };

    public static JsonObject Sub(string template) => new() { ["Fn::Sub"] = template };
}
