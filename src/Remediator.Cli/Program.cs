using System.CommandLine;
using Remediator.Cli.Commands;

namespace Remediator.Cli;

/// <summary>The <c>remediator</c> operator CLI: a thin composition root over the core engine.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args, CliConsole.System);

    /// <summary>Parses and runs a command line against <paramref name="console"/>; returns the exit code.</summary>
    internal static int Run(string[] args, CliConsole console)
    {
        ParseResult parsed = CreateRootCommand(console).Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }

    internal static RootCommand CreateRootCommand(CliConsole console) =>
        new("Remediator: heals API Gateway → Lambda permission outages found in CloudWatch Logs.")
        {
            DiagnoseCommand.Create(console),
            ReplayCommand.Create(console),
            AuditCommand.Create(console),
            RevertCommand.Create(console),
            SandboxCommand.Create(console.Out),
            DemoCommand.Create(console),
        };
}
