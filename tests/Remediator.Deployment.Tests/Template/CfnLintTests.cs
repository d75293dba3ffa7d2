using System.Diagnostics;
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
        var (exitCode, output) = await RunAsync("cfn-lint", "--format", "parseable", "--", RepositoryRoot.File(path));

        Assert.True(exitCode == 0, $"cfn-lint {path} exited {exitCode}:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed or not on PATH (the image ships cfn-lint 1.51.0; .ci/run checks for it): {e.Message}", e);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
