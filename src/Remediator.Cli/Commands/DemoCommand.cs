using System.CommandLine;
using Remediator.Cli.Demo;

namespace Remediator.Cli.Commands;

/// <summary><c>remediator demo</c>: the whole story in one command, against an in-process sandbox.</summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var command = new Command(
            "demo",
            "Break an API Gateway -> Lambda permission in a local sandbox, watch Remediator's Lambda handler heal it from the logs.");
        command.SetAction(async (_, cancellationToken) =>
        {
            console.Out.WriteLine("Remediator demo: a REST API loses its way to Lambda, Remediator heals it from the logs.");
            DemoResult result = await new DemoStory(console.Out).RunAsync(cancellationToken).ConfigureAwait(false);
            console.Out.Flush();
            if (result.Completed)
            {
                return ExitCodes.Success;
            }

            return console.Fail("demo", ExitCodes.DemoIncomplete, $"{result.Missing}.");
        });
        return command;
    }
}
