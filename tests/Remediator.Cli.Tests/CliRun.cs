using System.CommandLine;

namespace Remediator.Cli.Tests;

/// <summary>Runs the CLI in-process against in-memory stdin, stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Lines(Output);

    public string[] ErrorLines => Lines(Error);

    public static CliRun Execute(params string[] args) => Execute([], args);

    public static CliRun Execute(byte[] stdin, params string[] args) => Execute(() => new MemoryStream(stdin), args);

    public static CliRun Execute(Func<Stream> stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = Program.Run(args, new CliConsole(stdin, output, error));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs one command, built by <paramref name="create"/> on the test's console, as <c>remediator</c> runs its commands.</summary>
    public static CliRun Execute(Func<CliConsole, Command> create, string[] args, byte[]? stdin = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(() => new MemoryStream(stdin ?? []), output, error);
        int exitCode = Program.Invoke(new RootCommand { create(console) }, args, console);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static CliConsole Console(out StringWriter output, out StringWriter error)
    {
        output = new StringWriter();
        error = new StringWriter();
        return new CliConsole(() => new MemoryStream(), output, error);
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
