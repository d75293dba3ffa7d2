using System.Globalization;
using System.Text.Json.Nodes;

namespace Remediator.Deployment.Tests.Template;

/// <summary>
/// Resolves the intrinsic functions this template uses for one set of parameter values, the way
/// CloudFormation would, so tests can check concrete values (the account policy document, the
/// selection criteria, the expanded Fn::ForEach). AWS::NoValue resolves to null and drops its property.
/// </summary>
internal sealed class CfnEvaluator
{
    public const string AccountId = "123456789012";
    public const string Region = "us-east-1";
    public const string StackName = "remediator";

    private readonly SamTemplate _template;
    private readonly Dictionary<string, JsonNode?> _parameters = new(StringComparer.Ordinal);

    public CfnEvaluator(SamTemplate template, IReadOnlyDictionary<string, string>? overrides = null)
    {
        _template = template;
        foreach (var (name, declaration) in template.Parameters)
        {
            var raw = overrides is not null && overrides.TryGetValue(name, out var value)
                ? value
                : declaration?["Default"]?.GetValue<string>()
                    ?? throw new InvalidOperationException($"Parameter {name} has no default and no value");
            _parameters[name] = declaration!["Type"]!.GetValue<string>() == "CommaDelimitedList"
                ? new JsonArray([.. raw.Split(',').Select(s => (JsonNode?)JsonValue.Create(s.Trim()))])
                : JsonValue.Create(raw);
        }
    }

    public bool IsTrue(string condition) =>
        Evaluate(_template.Conditions[condition] ?? throw new InvalidOperationException($"No condition {condition}"))!.GetValue<bool>();

    /// <summary>Resources as CloudFormation would create them: loops expanded, false conditions dropped.</summary>
    public IReadOnlyList<TemplateResource> ExpandedResources()
    {
        var result = new List<TemplateResource>();
        foreach (var (key, value) in _template.Resources)
        {
            if (!key.StartsWith(SamTemplate.ForEachPrefix, StringComparison.Ordinal))
            {
                result.Add(new TemplateResource(key, value!.AsObject(), null));
                continue;
            }

            var loop = value!.AsArray();
            var identifier = JsonTree.Text(loop[0]);
            foreach (var item in Evaluate(loop[1])!.AsArray().Select(JsonTree.Text))
            {
                var bindings = new Dictionary<string, string>(StringComparer.Ordinal) { [identifier] = item };
                foreach (var (templateKey, body) in loop[2]!.AsObject())
                {
                    var logicalId = templateKey
                        .Replace("&{" + identifier + "}", new string([.. item.Where(char.IsAsciiLetterOrDigit)]), StringComparison.Ordinal)
                        .Replace("${" + identifier + "}", item, StringComparison.Ordinal);
                    result.Add(new TemplateResource(logicalId, Bind(body!, bindings)!.AsObject(), null));
                }
            }
        }

        return [.. result.Where(r => r.Condition is null || IsTrue(r.Condition))];
    }

    public JsonNode? Evaluate(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue value:
                return value.DeepClone();
            case JsonArray array:
                return new JsonArray([.. array.Select(Evaluate).Where(n => n is not null)]);
        }

        var obj = node.AsObject();
        if (JsonTree.FunctionName(obj) is { } function)
        {
            return Call(function, obj[function]);
        }

        var result = new JsonObject();
        foreach (var (key, child) in obj)
        {
            if (Evaluate(child) is { } resolved)
            {
                result[key] = resolved;
            }
        }

        return result;
    }

    private string EvaluateText(JsonNode? node) => Evaluate(node) is JsonValue v ? v.ToString() : throw new InvalidOperationException($"Not a string: {node}");

    private JsonNode? Call(string function, JsonNode? args)
    {
        switch (function)
        {
            case "Ref":
                return Ref(JsonTree.Text(args));
            case "Condition":
                return JsonValue.Create(IsTrue(JsonTree.Text(args)));
            case "Fn::GetAtt":
                return JsonValue.Create($"arn:aws:fake:{Region}:{AccountId}:{EvaluateText(args![0])}.{EvaluateText(args[1])}");
            case "Fn::Sub":
                return JsonValue.Create(Substitute(args));
            case "Fn::Join":
                return JsonValue.Create(string.Join(JsonTree.Text(args![0]), Evaluate(args[1])!.AsArray().Select(JsonTree.Text)));
            case "Fn::Split":
                return new JsonArray([.. EvaluateText(args![1]).Split(JsonTree.Text(args[0])).Select(s => (JsonNode?)JsonValue.Create(s))]);
            case "Fn::Select":
                return Evaluate(args![1])!.AsArray()[int.Parse(EvaluateText(args[0]), CultureInfo.InvariantCulture)]!.DeepClone();
            case "Fn::If":
                return Evaluate(IsTrue(JsonTree.Text(args![0])) ? args[1] : args[2]);
            case "Fn::FindInMap":
                return _template.Mappings[EvaluateText(args![0])]![EvaluateText(args[1])]![EvaluateText(args[2])]!.DeepClone();
            case "Fn::Equals":
                return JsonValue.Create(string.Equals(EvaluateText(args![0]), EvaluateText(args[1]), StringComparison.Ordinal));
            case "Fn::Not":
                return JsonValue.Create(!Evaluate(args![0])!.GetValue<bool>());
            case "Fn::And":
                return JsonValue.Create(args!.AsArray().All(a => Evaluate(a)!.GetValue<bool>()));
            case "Fn::Or":
                return JsonValue.Create(args!.AsArray().Any(a => Evaluate(a)!.GetValue<bool>()));
            case "Fn::EachMemberEquals":
                var expected = EvaluateText(args![1]);
                return JsonValue.Create(Evaluate(args[0])!.AsArray().All(m => JsonTree.Text(m) == expected));
            default:
                throw new NotSupportedException($"The evaluator does not know {function}");
        }
    }

    private JsonNode? Ref(string name)
    {
        switch (name)
        {
            case "AWS::NoValue":
                return null;
            case "AWS::AccountId":
                return AccountId;
            case "AWS::Region":
                return Region;
            case "AWS::Partition":
                return "aws";
            case "AWS::StackName":
                return StackName;
        }

        if (_parameters.TryGetValue(name, out var parameter))
        {
            return parameter?.DeepClone();
        }

        var resource = _template.Resource(name);
        return resource.Type switch
        {
            // Ref of a log group is its name, which this template always sets.
            "AWS::Logs::LogGroup" => Evaluate(resource.Properties["LogGroupName"]),
            "AWS::SNS::Topic" => $"arn:aws:sns:{Region}:{AccountId}:{name}",
            _ => name,
        };
    }

    private string Substitute(JsonNode? args)
    {
        var (template, variables) = args is JsonArray list
            ? (JsonTree.Text(list[0]), list[1]!.AsObject())
            : (JsonTree.Text(args), new JsonObject());
        foreach (var name in SamTemplate.SubVariables(template).Distinct().ToList())
        {
            string replacement;
            if (variables.ContainsKey(name))
            {
                replacement = EvaluateText(variables[name]);
            }
            else if (name.Contains('.', StringComparison.Ordinal) && !name.StartsWith("AWS::", StringComparison.Ordinal))
            {
                var dot = name.IndexOf('.', StringComparison.Ordinal);
                replacement = EvaluateText(JsonTree.GetAtt(name[..dot], name[(dot + 1)..]));
            }
            else
            {
                replacement = EvaluateText(JsonTree.Ref(name));
            }

            template = template.Replace("${" + name + "}", replacement, StringComparison.Ordinal);
        }

        return template.Replace("${!", "${", StringComparison.Ordinal);
    }

    private static JsonNode? Bind(JsonNode? node, IReadOnlyDictionary<string, string> bindings)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue value:
                return value.DeepClone();
            case JsonArray array:
                return new JsonArray([.. array.Select(n => Bind(n, bindings))]);
        }

        var obj = node.AsObject();
        if (JsonTree.FunctionName(obj) == "Ref" && bindings.TryGetValue(JsonTree.Text(obj["Ref"]), out var bound))
        {
            return JsonValue.Create(bound);
        }

        if (JsonTree.FunctionName(obj) == "Fn::Sub" && obj["Fn::Sub"] is JsonValue sub)
        {
            var text = sub.GetValue<string>();
            foreach (var (name, value) in bindings)
            {
                text = text.Replace("${" + name + "}", value, StringComparison.Ordinal);
            }

            return JsonTree.Sub(text);
        }

        var result = new JsonObject();
        foreach (var (key, child) in obj)
        {
            result[key] = Bind(child, bindings);
        }

        return result;
    }
}
