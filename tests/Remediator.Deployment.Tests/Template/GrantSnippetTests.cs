using Remediator.Core.Policy;
using Remediator.Deployment.Tests.Support;

namespace Remediator.Deployment.Tests.Template;

/// <summary>
/// The grant as infrastructure code, as notifications and OpsItems carry it, passes the tools a team runs before it
/// deploys: cfn-lint on the CloudFormation resource in a minimal template, terraform fmt on the Terraform blocks.
/// </summary>
public class GrantSnippetTests
{
    public static TheoryData<string, string, bool> Grants() => new()
    {
        { "arn:aws:lambda:us-east-1:123456789012:function:pets", "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/*", true },
        { "arn:aws:lambda:us-east-1:123456789012:function:pets:live", "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/*/pets", false },
        { "arn:aws:lambda:eu-west-1:123456789012:function:odd-name_1:v2", "arn:aws:execute-api:eu-west-1:123456789012:z9y8x7/*/POST/a$b/it's/(x)+y,z;k=v:@%41!~", true },
        { "arn:aws:lambda:us-west-2:123456789012:function:auth", "arn:aws:execute-api:us-west-2:123456789012:a1b2c3d4e5/authorizers/abc123", false },
    };

    [Theory]
    [MemberData(nameof(Grants))]
    public async Task CloudFormationSnippet_InAMinimalTemplate_IsCfnLintClean(string function, string sourceArn, bool applied)
    {
        string snippet = Grant(function, sourceArn).ToCloudFormation(applied);
        string template = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
            + string.Concat(snippet.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "  " + line + "\n"));
        using var folder = new TempFolder();
        string path = folder.Write("template.yaml", template);

        var (exitCode, output) = await ToolProcess.RunAsync("cfn-lint", null, "--format", "parseable", "--", path);

        Assert.True(exitCode == 0, $"cfn-lint exited {exitCode}:\n{output}\n{template}");
    }

    [Theory]
    [MemberData(nameof(Grants))]
    public async Task TerraformSnippet_IsValidAndCanonicalHcl(string function, string sourceArn, bool applied)
    {
        string snippet = Grant(function, sourceArn).ToTerraform(applied);
        using var folder = new TempFolder();
        folder.Write("main.tf", snippet);

        // fmt parses the configuration (a syntax error fails it) and, with -check, fails on any non-canonical layout.
        var (exitCode, output) = await ToolProcess.RunAsync("terraform", folder.Path, "fmt", "-check", "-diff", "main.tf");

        Assert.True(exitCode == 0, $"terraform fmt exited {exitCode}:\n{output}\n{snippet}");
    }

    [Fact]
    public async Task TerraformFmt_ASyntaxError_Fails()
    {
        // The check above can fail: an unterminated string is refused.
        using var folder = new TempFolder();
        folder.Write("main.tf", "resource \"aws_lambda_permission\" \"x\" {\n  action = \"lambda:InvokeFunction\n}\n");

        var (exitCode, _) = await ToolProcess.RunAsync("terraform", folder.Path, "fmt", "-check", "main.tf");

        Assert.NotEqual(0, exitCode);
    }

    private static PermissionGrant Grant(string function, string sourceArn) =>
        PermissionGrant.Create(LambdaFunctionArn.Parse(function).Value!, sourceArn, "123456789012").Value
        ?? throw new InvalidOperationException("the fixture grant breaks a safety rule");

    private sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "remediator-grant-" + Guid.NewGuid().ToString("N"));

        public string Write(string name, string text)
        {
            string file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, text);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
