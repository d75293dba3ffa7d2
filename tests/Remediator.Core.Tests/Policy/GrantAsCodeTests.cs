using Remediator.Core.Policy;
using YamlDotNet.RepresentationModel;

namespace Remediator.Core.Tests.Policy;

public class GrantAsCodeTests
{
    private const string Account = "123456789012";

    public static TheoryData<string, string, bool> Grants() => new()
    {
        { "arn:aws:lambda:us-east-1:123456789012:function:pets", "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/*", true },
        { "arn:aws:lambda:us-east-1:123456789012:function:pets:live", "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/*/pets", false },
        // A literal path segment may hold what YAML and a shell treat specially: quotes, '$', '&', '!', ':', '%', '#'-free.
        { "arn:aws:lambda:eu-west-1:123456789012:function:odd-name_1:v2", "arn:aws:execute-api:eu-west-1:123456789012:z9y8x7/*/POST/a$b/it's/(x)+y,z;k=v:@%41!~", true },
        { "arn:aws-cn:lambda:cn-north-1:123456789012:function:pets", "arn:aws-cn:execute-api:cn-north-1:123456789012:a1b2c3d4e5/authorizers/abc123", false },
    };

    [Theory]
    [MemberData(nameof(Grants))]
    public void ToCloudFormation_ParsedAsYaml_StatesExactlyTheGrant(string function, string sourceArn, bool applied)
    {
        PermissionGrant grant = Grant(function, sourceArn);

        var yaml = new YamlStream();
        yaml.Load(new StringReader(grant.ToCloudFormation(applied)));

        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        (YamlNode name, YamlNode body) = Assert.Single(root.Children);
        Assert.Equal("RemediatorPermission" + grant.StatementId[^16..], ((YamlScalarNode)name).Value);
        var resource = (YamlMappingNode)body;
        Assert.Equal("AWS::Lambda::Permission", Scalar(resource, "Type"));
        var properties = (YamlMappingNode)resource.Children[new YamlScalarNode("Properties")];
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Action"] = grant.Action,
                ["FunctionName"] = grant.Function.Arn,
                ["Principal"] = grant.Principal,
                ["SourceAccount"] = grant.SourceAccount,
                ["SourceArn"] = grant.SourceArn,
            },
            properties.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!));

        // Every value is a double-quoted scalar: no tag (!Ref), alias or plain-scalar typing can apply to it.
        Assert.All(properties.Children.Values, v => Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((YamlScalarNode)v).Style));
    }

    [Theory]
    [MemberData(nameof(Grants))]
    public void ToCloudFormation_StatementIdIsNamed_AndIsTheOneTheStatementCarries(string function, string sourceArn, bool applied)
    {
        PermissionGrant grant = Grant(function, sourceArn);

        Assert.Contains($"statement {grant.StatementId};", grant.ToCloudFormation(applied), StringComparison.Ordinal);
        Assert.Contains($"\"Sid\":\"{grant.StatementId}\"", grant.ToStatementJson(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Grants))]
    public void ToTerraform_StatesExactlyTheGrant(string function, string sourceArn, bool applied)
    {
        PermissionGrant grant = Grant(function, sourceArn);

        string hcl = grant.ToTerraform(applied);

        Dictionary<string, string> arguments = Arguments(hcl[hcl.IndexOf("resource ", StringComparison.Ordinal)..]);
        var expected = new Dictionary<string, string>
        {
            ["statement_id"] = grant.StatementId,
            ["action"] = grant.Action,
            ["function_name"] = grant.FunctionArn,
            ["principal"] = grant.Principal,
            ["source_arn"] = grant.SourceArn,
            ["source_account"] = grant.SourceAccount,
        };
        if (grant.Qualifier is { } qualifier)
        {
            expected["qualifier"] = qualifier;
        }

        Assert.Equal(expected, arguments);
        Assert.Equal(applied, hcl.Contains("import {", StringComparison.Ordinal));
    }

    [Fact]
    public void ToTerraform_Applied_ImportsTheStatementByFunctionQualifierAndId()
    {
        PermissionGrant grant = Grant("arn:aws:lambda:us-east-1:123456789012:function:pets:live", "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/pets");

        Dictionary<string, string> import = Arguments(grant.ToTerraform(applied: true).Split("\n\n")[0]);

        Assert.Equal($"pets:live/{grant.StatementId}", import["id"]);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\ and # and : colon and - dash")]
    [InlineData("!Ref Something")]
    [InlineData("*alias &anchor {flow: [seq]} | > %directive @at `tick`")]
    [InlineData("line\nbreak\ttab\r\u0085\u2028")]
    [InlineData("émoji 😀 中文 \u202E bidi \u200B zero-width")]
    [InlineData("${interpolation} %{directive} $${escaped}")]
    [InlineData("yes")]
    [InlineData("0123")]
    [InlineData("")]
    public void Yaml_AnyValue_ReadsBackExactly(string value)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader("key: " + CodeQuoting.Yaml(value) + "\n"));

        YamlScalarNode read = (YamlScalarNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("key")];
        Assert.Equal(value, read.Value);
        Assert.DoesNotContain('\n', CodeQuoting.Yaml(value));
    }

    [Fact]
    public void Yaml_LoneSurrogate_BecomesTheReplacementCharacter()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader("key: " + CodeQuoting.Yaml("a\uD800b") + "\n"));

        Assert.Equal("a\uFFFDb", ((YamlScalarNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("key")]).Value);
    }

    [Theory]
    [InlineData("${var.x}", "\"$${var.x}\"")]
    [InlineData("%{ if true }", "\"%%{ if true }\"")]
    [InlineData("$ and % alone", "\"$ and % alone\"")]
    [InlineData("a\"b\\c\nd", "\"a\\\"b\\\\c\\u000Ad\"")]
    [InlineData("😀", "\"\\U0001F600\"")]
    public void Hcl_TemplateSequencesAndEscapes_AreNeverLive(string value, string expected)
    {
        Assert.Equal(expected, CodeQuoting.Hcl(value));
    }

    private static PermissionGrant Grant(string function, string sourceArn) =>
        PermissionGrant.Create(LambdaFunctionArn.Parse(function).Value!, sourceArn, Account).Value
        ?? throw new InvalidOperationException("the fixture grant breaks a safety rule");

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    // The arguments of one HCL block: `name = "literal"` lines, unescaped as HCL reads them (only the escapes CodeQuoting writes).
    private static Dictionary<string, string> Arguments(string block)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in block.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(" = \"", StringComparison.Ordinal)))
        {
            int equals = line.IndexOf(" = ", StringComparison.Ordinal);
            string literal = line[(equals + 3)..];
            Assert.True(literal.Length >= 2 && literal[0] == '"' && literal[^1] == '"', line);
            arguments[line[..equals].Trim()] = literal[1..^1].Replace("$${", "${", StringComparison.Ordinal).Replace("%%{", "%{", StringComparison.Ordinal)
                .Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        return arguments;
    }
}
