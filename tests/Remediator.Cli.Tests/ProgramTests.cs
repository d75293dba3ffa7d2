using System.CommandLine;

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

    [Theory]
    [InlineData("nosuchcommand")]
    [InlineData("diagnose")]
    [InlineData("diagnose", "--input", "x.json", "--bogus")]
    [InlineData("replay")]
    [InlineData("replay", "--input", "x.json", "--mode", "fix")]
    [InlineData("audit", "--verbose")]
    [InlineData("revert")]
    [InlineData("sandbox", "--port", "many")]
    [InlineData("demo", "extra")]
    public void Run_BadCommandLine_IsBadInputInEveryCommand(params string[] args)
    {
        CliRun run = CliRun.Execute(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.NotEqual(string.Empty, run.Error);
    }

    [Fact]
    public void Invoke_CommandThrowsUnexpectedly_IsAnInternalErrorWithTheStackTrace()
    {
        CliRun run = CliRun.Execute(_ => Throwing(new KeyNotFoundException("no such key")), ["boom"]);

        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        Assert.StartsWith("remediator: unexpected error: System.Collections.Generic.KeyNotFoundException: no such key", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{nameof(ProgramTests)}.{nameof(Throw)}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_CommandCancelled_IsInterrupted()
    {
        CliRun run = CliRun.Execute(_ => Throwing(new OperationCanceledException()), ["boom"]);

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Empty(run.Error);
    }

    private static Command Throwing(Exception exception)
    {
        var command = new Command("boom");
        command.SetAction(async (_, _) =>
        {
            await Task.Yield();
            return Throw(exception);
        });
        return command;
    }

    private static int Throw(Exception exception) => throw exception;
}
