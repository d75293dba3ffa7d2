using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Remediator.Deployment.Tests.Support;

namespace Remediator.Deployment.Tests.Template;

/// <summary>The repository's template.yaml as a JSON tree, with the queries the invariant tests share.</summary>
internal sealed partial class SamTemplate
{
    public const string ForEachPrefix = "Fn::ForEach::";

    private static readonly Lazy<SamTemplate> Repository = new(() => Parse(File.ReadAllText(RepositoryRoot.File("template.yaml"))));

    private SamTemplate(JsonObject root) => Root = root;

    private static readonly Lazy<SamTemplate> Nested = new(() => Parse(File.ReadAllText(RepositoryRoot.File(LogGroupCoveragePath))));

    /// <summary>The nested template Coverage=LogGroups deploys, as template.yaml names it.</summary>
    public const string LogGroupCoveragePath = "templates/log-group-coverage.yaml";

    public static SamTemplate Default => Repository.Value;

    /// <summary>templates/log-group-coverage.yaml.</summary>
    public static SamTemplate LogGroupCoverage => Nested.Value;

    public JsonObject Root { get; }

    public JsonObject Parameters => Section("Parameters");

    public JsonObject Resources => Section("Resources");

    public JsonObject Conditions => Section("Conditions");

    public JsonObject Mappings => Section("Mappings");

    public JsonObject Outputs => Section("Outputs");

    public static SamTemplate Parse(string yaml) => new(CfnYaml.Parse(yaml));

    public JsonObject Section(string name) =>
        Root[name] as JsonObject ?? throw new InvalidOperationException($"template.yaml has no {name} section");

    /// <summary>Every resource, including the bodies of Fn::ForEach loops (with their loop identifier).</summary>
    public IEnumerable<TemplateResource> AllResources()
    {
        foreach (var (key, value) in Resources)
        {
            if (key.StartsWith(ForEachPrefix, StringComparison.Ordinal))
            {
                var loop = value!.AsArray();
                var identifier = loop[0]!.GetValue<string>();
                foreach (var (templateKey, body) in loop[2]!.AsObject())
                {
                    yield return new TemplateResource(templateKey, body!.AsObject(), identifier);
                }
            }
            else
            {
                yield return new TemplateResource(key, value!.AsObject(), null);
            }
        }
    }

    public TemplateResource Resource(string logicalId) =>
        AllResources().SingleOrDefault(r => r.LogicalId == logicalId)
        ?? throw new InvalidOperationException($"template.yaml has no resource {logicalId}");

    public IReadOnlyList<TemplateResource> ResourcesOfType(string type) =>
        [.. AllResources().Where(r => r.Type == type)];

    public TemplateResource SingleOfType(string type) => Assert.Single(ResourcesOfType(type));

    /// <summary>Names a Ref may point at: parameters, resources and the pseudo parameters.</summary>
    public ISet<string> RefTargets()
    {
        var names = new HashSet<string>(PseudoParameters, StringComparer.Ordinal);
        names.UnionWith(Parameters.Select(p => p.Key));
        names.UnionWith(AllResources().Where(r => r.LoopIdentifier is null).Select(r => r.LogicalId));
        return names;
    }

    public static readonly IReadOnlySet<string> PseudoParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    };

    /// <summary>Variables a Fn::Sub template string names (<c>${X}</c>, <c>${X.Attr}</c>; <c>${!X}</c> is literal).</summary>
    public static IEnumerable<string> SubVariables(string template) =>
        SubVariable().Matches(template).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\$\{(?!!)([^}]+)\}")]
    private static partial Regex SubVariable();
}

/// <summary>One resource (or loop body) of the template.</summary>
internal sealed record TemplateResource(string LogicalId, JsonObject Body, string? LoopIdentifier)
{
    public string Type => Body["Type"]!.GetValue<string>();

    public JsonObject Properties => Body["Properties"] as JsonObject ?? [];

    public string? Condition => Body["Condition"]?.GetValue<string>();

    public IEnumerable<string> DependsOn => Body["DependsOn"] switch
    {
        null => [],
        JsonArray list => list.Select(n => n!.GetValue<string>()),
        JsonNode single => [single.GetValue<string>()],
    };
}
