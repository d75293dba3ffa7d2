using Remediator.Deployment.Tests.Support;

namespace Remediator.Deployment.Tests.Template;

/// <summary>
/// cfn-lint (CloudFormation's own linter, with its resource specifications and the Fn::ForEach expansion)
/// finds nothing in the templates, with no check ignored anywhere in them.
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
}
