using System.Text.Json;
using Remediator.Deployment.Tests.Support;

namespace Remediator.Deployment.Tests.Template;

/// <summary>
/// cfn-lint (CloudFormation's own linter, with its resource specifications and the Fn::ForEach expansion)
/// finds nothing in the templates, with no check ignored anywhere in them; nor in the templates CloudFormation
/// actually deploys: each samconfig environment's parameters through the SAM translator, and the log-group
/// template with Fn::ForEach expanded (tests/tools/sam_expand.py).
/// </summary>
public class CfnLintTests
{
    public static TheoryData<string> Templates() => ["template.yaml", SamTemplate.LogGroupCoveragePath];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_HasNoCfnLintIgnores(string path)
    {
        var template = SamTemplate.Parse(File.ReadAllText(RepositoryRoot.File(path)));

        Assert.Null(template.Root["Metadata"]?["cfn-lint"]);
        Assert.All(template.AllResources(), r => Assert.Null(r.Body["Metadata"]?["cfn-lint"]));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Template_IsCfnLintClean(string path)
    {
        var (exitCode, output) = await ToolProcess.RunAsync("cfn-lint", null, "--format", "parseable", "--", RepositoryRoot.File(path));

        Assert.True(exitCode == 0, $"cfn-lint {path} exited {exitCode}:\n{output}");
    }

    /// <summary>What cfn-lint may still say about an expanded template, and why that is right.</summary>
    private static readonly Dictionary<(string Rule, string Path), string> ExplainedWarnings = new()
    {
        // The collection parameter's only use is the Fn::ForEach that AWS::LanguageExtensions expands away; the
        // parameter itself stays in the processed template the stack keeps, so after expansion it is unused.
        [("W2001", "Parameters/LogGroups")] = "the Fn::ForEach collection, consumed by the expansion",
    };

    [Fact]
    public async Task Template_AsCloudFormationSeesItPerEnvironment_HasNoErrorsAndOnlyExplainedWarnings()
    {
        var (exitCode, output) = await ToolProcess.RunAsync("python3", null, RepositoryRoot.File("tests/tools/sam_expand.py"), RepositoryRoot.File("."),
            SamTemplate.LogGroupCoveragePath, "LogGroups=/aws/api-gateway/pets-access,API-Gateway-Execution-Logs_a1b2c3/prod");
        Assert.True(exitCode == 0, $"sam_expand.py exited {exitCode}:\n{output}");
        using var report = JsonDocument.Parse(output[..(output.LastIndexOf('}') + 1)]);
        var results = report.RootElement.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(
            ["template.yaml [default]", "template.yaml [prod]", $"{SamTemplate.LogGroupCoveragePath} [LogGroups=/aws/api-gateway/pets-access,API-Gateway-Execution-Logs_a1b2c3/prod]"],
            results.Select(r => r.GetProperty("name").GetString()));
        foreach (var result in results)
        {
            var resources = result.GetProperty("resources").EnumerateArray().Select(r => r.GetString()!).ToList();
            var matches = result.GetProperty("matches").EnumerateArray().ToList();
            Assert.All(matches, m => Assert.True(
                m.GetProperty("level").GetString() == "Warning"
                && ExplainedWarnings.ContainsKey((m.GetProperty("rule").GetString()!, string.Join('/', m.GetProperty("path").EnumerateArray().Select(p => p.ToString())))),
                $"{result.GetProperty("name").GetString()}: unexplained cfn-lint {m.GetProperty("level").GetString()} {m.GetProperty("rule").GetString()}: {m.GetProperty("message").GetString()}"));
            Assert.NotEmpty(resources);
        }

        // The translator really ran (it made the function's EventInvokeConfig of its own), and Fn::ForEach made
        // one permission and one subscription filter per listed group.
        Assert.Contains("RemediatorFunctionEventInvokeConfig", results[0].GetProperty("resources").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(4, results[2].GetProperty("resources").GetArrayLength());
    }
}
