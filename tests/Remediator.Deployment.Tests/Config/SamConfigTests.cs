using Remediator.Deployment.Tests.Support;
using Remediator.Deployment.Tests.Template;

namespace Remediator.Deployment.Tests.Config;

/// <summary>samconfig.toml: a default environment for trying it out and a prod environment that enforces.</summary>
public class SamConfigTests
{
    private static readonly TomlDocument Config = TomlDocument.Parse(File.ReadAllText(RepositoryRoot.File("samconfig.toml")));

    public static TheoryData<string> Environments => ["default", "prod"];

    [Fact]
    public void Version_IsTheSamConfigFormatVersion()
    {
        Assert.Equal(0.1, Config.Root["version"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Deploy_HasStackCapabilitiesBucketAndChangesetConfirmation(string environment)
    {
        var deploy = Config.Table($"{environment}.deploy.parameters")!;

        Assert.False(string.IsNullOrWhiteSpace((string)deploy["stack_name"]));
        Assert.False(string.IsNullOrWhiteSpace((string)deploy["region"]));
        Assert.Equal(true, deploy["resolve_s3"]);
        Assert.Equal(true, deploy["confirm_changeset"]);
        var capabilities = ((string)deploy["capabilities"]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(capabilities.Contains("CAPABILITY_IAM") || capabilities.Contains("CAPABILITY_NAMED_IAM"));
        // The AWS::LanguageExtensions transform (Fn::ForEach) needs it.
        Assert.Contains("CAPABILITY_AUTO_EXPAND", capabilities);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Build_RunsInSourceAndValidateLints(string environment)
    {
        Assert.Equal(true, Config.Table($"{environment}.build.parameters")!["build_in_source"]);
        Assert.Equal(true, Config.Table($"{environment}.validate.parameters")!["lint"]);
    }

    [Theory]
    [InlineData("default", "recommend")]
    [InlineData("prod", "enforce")]
    public void ParameterOverrides_SetTheModeOfTheEnvironment(string environment, string mode)
    {
        Assert.Equal(mode, Overrides(environment)["Mode"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ParameterOverrides_NameTemplateParametersWithAllowedValues(string environment)
    {
        var parameters = SamTemplate.Default.Parameters;

        foreach (var (name, value) in Overrides(environment))
        {
            Assert.True(parameters.ContainsKey(name), $"{environment}: {name} is not a template parameter");
            if (parameters[name]!["AllowedValues"] is { } allowed)
            {
                Assert.Contains(value, JsonTree.AsList(allowed).Select(JsonTree.Text));
            }
        }
    }

    [Fact]
    public void Prod_IsASeparateStackWithTags()
    {
        var prod = Config.Table("prod.deploy.parameters")!;

        Assert.NotEqual(Config.Table("default.deploy.parameters")!["stack_name"], prod["stack_name"]);
        Assert.Contains("environment=\"prod\"", (string)prod["tags"], StringComparison.Ordinal);
    }

    // parameter_overrides = "Key=Value Key2=Value2" (values here never contain spaces).
    private static Dictionary<string, string> Overrides(string environment) =>
        ((string)Config.Table($"{environment}.deploy.parameters")!["parameter_overrides"])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1].Trim('"'), StringComparer.Ordinal);
}
