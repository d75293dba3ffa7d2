using System.CommandLine;
using System.CommandLine.Invocation;
using Remediator.Cli.Commands;

namespace Remediator.Cli;

/// <summary>The <c>remediator</c> operator CLI: a thin composition root over the core engine.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args, CliConsole.System);

    /// <summary>Parses and runs a command line against <paramref name="console"/>; returns the exit code.</summary>
    internal static int Run(string[] args, CliConsole console) => Invoke(CreateRootCommand(console), args, console);

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="root"/> and runs the command, so that every way
    /// out ends in <see cref="ExitCodes"/>: a parse error is <see cref="ExitCodes.BadInput"/> (System.CommandLine
    /// would say 1), an interruption <see cref="ExitCodes.Interrupted"/>, an unexpected exception
    /// <see cref="ExitCodes.InternalError"/> (System.CommandLine would say 1 for both).
    /// </summary>
    internal static int Invoke(RootCommand root, string[] args, CliConsole console)
    {
        ParseResult parsed = root.Parse(args);
        try
        {
            int exitCode = parsed.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
            return parsed.Action is ParseErrorAction ? ExitCodes.BadInput : exitCode;
        }
        catch (OperationCanceledException)
        {
            // Commands stop on the token System.CommandLine cancels on Ctrl+C or SIGTERM.
            return ExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            // The process boundary: anything a command did not expect is a bug, reported whole.
            console.Error.WriteLine($"remediator: unexpected error: {exception}");
            console.Error.Flush();
            return ExitCodes.InternalError;
        }
    }

    internal static RootCommand CreateRootCommand(CliConsole console) =>
        new("Remediator: heals API Gateway → Lambda permission outages found in CloudWatch Logs.")
        {
            DiagnoseCommand.Create(console),
            ReplayCommand.Create(console),
            AuditCommand.Create(console),
            RevertCommand.Create(console),
            RedriveCommand.Create(console),
            SandboxCommand.Create(console),
            DemoCommand.Create(console),
        };
}
