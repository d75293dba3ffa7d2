using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Remediator.Deployment.Tests.Template;

/// <summary>
/// Reads a CloudFormation/SAM YAML template into a JSON tree, turning short-form tags (<c>!Ref X</c>,
/// <c>!GetAtt A.B</c>, <c>!Sub</c>, ...) into their long form (<c>{"Ref": "X"}</c>,
/// <c>{"Fn::GetAtt": ["A", "B"]}</c>, ...), so tests query one shape. Scalars stay strings, as CloudFormation
/// treats them; duplicate keys are an error.
/// </summary>
internal static class CfnYaml
{
    public static JsonObject Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"Expected one YAML document, found {stream.Documents.Count}.");
        }

        return Convert(stream.Documents[0].RootNode) as JsonObject
            ?? throw new FormatException("The template root is not a mapping.");
    }

    private static JsonNode? Convert(YamlNode node)
    {
        JsonNode? content = node switch
        {
            YamlScalarNode scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value),
            YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
            YamlMappingNode mapping => ConvertMapping(mapping),
            _ => throw new FormatException($"Unsupported YAML node at {node.Start}."),
        };

        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is null || !tag.StartsWith('!') || tag == "!")
        {
            return content;
        }

        var name = tag[1..];
        return name switch
        {
            "Ref" => new JsonObject { ["Ref"] = content },
            "Condition" => new JsonObject { ["Condition"] = content },
            "GetAtt" when node is YamlScalarNode scalar => new JsonObject { ["Fn::GetAtt"] = SplitGetAtt(scalar) },
            _ => new JsonObject { ["Fn::" + name] = content },
        };
    }

    private static JsonArray SplitGetAtt(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1)
        {
            throw new FormatException($"!GetAtt '{text}' at {scalar.Start} is not Resource.Attribute.");
        }

        return [text[..dot], text[(dot + 1)..]];
    }

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value
                ?? throw new FormatException($"Non-scalar key at {key.Start}.");
            if (result.ContainsKey(name))
            {
                throw new FormatException($"Duplicate key '{name}' at {key.Start}.");
            }

            result[name] = Convert(value);
        }

        return result;
    }
}
