using System.Text.Json.Nodes;

namespace Remediator.Deployment.Tests.Template;

/// <summary>Every Ref, GetAtt, Sub variable, condition and mapping the template names exists, and every parameter is used.</summary>
public class ReferenceTests
{
    private static readonly SamTemplate Template = SamTemplate.Default;

    // Attributes each resource type returns through Fn::GetAtt (the ones a typo could miss).
    private static readonly Dictionary<string, string[]> KnownAttributes = new(StringComparer.Ordinal)
    {
        ["AWS::Serverless::Function"] = ["Arn"],
        ["AWS::Logs::LogGroup"] = ["Arn"],
        ["AWS::SQS::Queue"] = ["Arn", "QueueName", "QueueUrl"],
        ["AWS::DynamoDB::Table"] = ["Arn", "StreamArn"],
        ["AWS::IAM::Role"] = ["Arn", "RoleId"],
        ["AWS::SNS::Topic"] = ["TopicArn", "TopicName"],
        ["AWS::Events::Rule"] = ["Arn"],
    };

    [Fact]
    public void Refs_PointAtParametersResourcesPseudoParametersOrLoopIdentifiers()
    {
        var targets = Template.RefTargets();
        var refs = References().ToList();

        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.True(targets.Contains(r.Name) || r.Name == r.LoopIdentifier, $"Ref to unknown '{r.Name}' in {r.Where}"));
    }

    [Fact]
    public void GetAtts_PointAtResourcesWithThatAttribute()
    {
        var getAtts = AllSections()
            .SelectMany(s => JsonTree.Objects(s.Node).Select(o => (s.Where, Node: o)))
            .Where(x => JsonTree.FunctionName(x.Node) == "Fn::GetAtt")
            .Select(x => (x.Where, Resource: JsonTree.Text(x.Node["Fn::GetAtt"]![0]), Attribute: JsonTree.Text(x.Node["Fn::GetAtt"]![1])))
            .Concat(SubVariablesIn().Where(v => v.Name.Contains('.', StringComparison.Ordinal))
                .Select(v => (v.Where, Resource: v.Name[..v.Name.IndexOf('.', StringComparison.Ordinal)], Attribute: v.Name[(v.Name.IndexOf('.', StringComparison.Ordinal) + 1)..])))
            .ToList();

        Assert.NotEmpty(getAtts);
        foreach (var (where, resource, attribute) in getAtts)
        {
            var type = Template.Resource(resource).Type;
            Assert.True(KnownAttributes.ContainsKey(type), $"{where}: add {type} to the known attributes");
            Assert.Contains(attribute, KnownAttributes[type]);
        }
    }

    [Fact]
    public void Conditions_UsedAreDeclaredAndDeclaredAreUsed()
    {
        var declared = Template.Conditions.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        used.UnionWith(Template.AllResources().Select(r => r.Condition).OfType<string>());
        foreach (var (_, node) in AllSections())
        {
            foreach (var obj in JsonTree.Objects(node))
            {
                if (JsonTree.FunctionName(obj) == "Fn::If")
                {
                    used.Add(JsonTree.Text(obj["Fn::If"]![0]));
                }
                else if (JsonTree.FunctionName(obj) == "Condition")
                {
                    used.Add(JsonTree.Text(obj["Condition"]));
                }
            }
        }

        Assert.Equal(declared.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parameters_EveryDeclaredParameterIsUsed()
    {
        var used = References().Select(r => r.Name).Concat(SubVariablesIn().Select(v => v.Name)).ToHashSet(StringComparer.Ordinal);

        Assert.All(Template.Parameters, p => Assert.True(used.Contains(p.Key), $"parameter {p.Key} is declared but never used"));
    }

    [Fact]
    public void FindInMaps_NameExistingMappingKeys()
    {
        var lookups = AllSections()
            .SelectMany(s => JsonTree.Objects(s.Node))
            .Where(o => JsonTree.FunctionName(o) == "Fn::FindInMap")
            .Select(o => o["Fn::FindInMap"]!.AsArray().Select(JsonTree.Text).ToArray())
            .ToList();

        Assert.NotEmpty(lookups);
        Assert.All(lookups, path => Assert.NotNull(Template.Mappings[path[0]]?[path[1]]?[path[2]]));
    }

    [Fact]
    public void DependsOn_NamesExistingResources()
    {
        var ids = Template.AllResources().Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);

        Assert.All(Template.AllResources().SelectMany(r => r.DependsOn), d => Assert.Contains(d, ids));
    }

    [Fact]
    public void Transform_MainTemplateIsSamOnly_TheNestedOneExpandsForEach()
    {
        // Fn::ForEach lives only in the nested log-group template, whose list parameter has no default.
        Assert.Equal(["AWS::Serverless-2016-10-31"], JsonTree.AsList(Template.Root["Transform"]).Select(JsonTree.Text));
        Assert.DoesNotContain(Template.Resources, r => r.Key.StartsWith(SamTemplate.ForEachPrefix, StringComparison.Ordinal));
        Assert.Equal(["AWS::LanguageExtensions"], JsonTree.AsList(SamTemplate.LogGroupCoverage.Root["Transform"]).Select(JsonTree.Text));
    }

    private static IEnumerable<(string Where, JsonNode? Node)> AllSections()
    {
        foreach (var resource in Template.AllResources())
        {
            yield return ($"resource {resource.LogicalId}", resource.Body);
        }

        foreach (var section in new[] { "Conditions", "Outputs", "Rules" })
        {
            yield return (section, Template.Root[section]);
        }
    }

    private static IEnumerable<(string Where, string Name, string? LoopIdentifier)> References()
    {
        foreach (var resource in Template.AllResources())
        {
            foreach (var obj in JsonTree.Objects(resource.Body).Where(o => JsonTree.FunctionName(o) == "Ref"))
            {
                yield return ($"resource {resource.LogicalId}", JsonTree.Text(obj["Ref"]), resource.LoopIdentifier);
            }
        }

        foreach (var (key, value) in Template.Resources.Where(r => r.Key.StartsWith(SamTemplate.ForEachPrefix, StringComparison.Ordinal)))
        {
            var collection = value![1];
            foreach (var obj in JsonTree.Objects(collection).Where(o => JsonTree.FunctionName(o) == "Ref"))
            {
                yield return (key, JsonTree.Text(obj["Ref"]), null);
            }
        }

        foreach (var section in new[] { "Conditions", "Outputs", "Rules" })
        {
            foreach (var obj in JsonTree.Objects(Template.Root[section]).Where(o => JsonTree.FunctionName(o) == "Ref"))
            {
                yield return (section, JsonTree.Text(obj["Ref"]), null);
            }
        }
    }

    // ${Name} inside Fn::Sub strings, minus the names the Sub defines itself.
    private static IEnumerable<(string Where, string Name)> SubVariablesIn()
    {
        foreach (var (where, node) in AllSections())
        {
            foreach (var obj in JsonTree.Objects(node).Where(o => JsonTree.FunctionName(o) == "Fn::Sub"))
            {
                var args = obj["Fn::Sub"];
                var (text, locals) = args is JsonArray list
                    ? (JsonTree.Text(list[0]), list[1]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal))
                    : (JsonTree.Text(args), []);
                foreach (var name in SamTemplate.SubVariables(text).Where(n => !locals.Contains(n)))
                {
                    var root = name.Split('.')[0];
                    Assert.True(
                        Template.RefTargets().Contains(name) || Template.RefTargets().Contains(root),
                        $"{where}: ${{{name}}} names nothing");
                    yield return (where, name);
                }
            }
        }
    }
}
