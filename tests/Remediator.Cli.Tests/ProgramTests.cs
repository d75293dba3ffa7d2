namespace Remediator.Cli.Tests;

public sealed class ProgramTests
{
    [Theory]
    [InlineData("diagnose")]
    [InlineData("replay")]
    [InlineData("audit")]
    [InlineData("revert")]
    [InlineData("sandbox")]
    [InlineData("demo")]
    public void Run_Help_ListsTheCommand(string command)
    {
        CliRun run = CliRun.Execute("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(run.OutputLines, line => line.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_SandboxHelp_DescribesItsOptions()
    {
        CliRun run = CliRun.Execute("sandbox", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("--port", run.Output, StringComparison.Ordinal);
        Assert.Contains("--state", run.Output, StringComparison.Ordinal);
    }
}
