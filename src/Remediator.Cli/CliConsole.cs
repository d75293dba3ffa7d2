namespace Remediator.Cli;

/// <summary>
/// The console a command talks to: injected so commands run in-process under test with in-memory streams.
/// </summary>
/// <param name="OpenStandardInput">Opens standard input (read when a file argument is <c>-</c>).</param>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: diagnostics, one line per problem.</param>
public sealed record CliConsole(Func<Stream> OpenStandardInput, TextWriter Out, TextWriter Error)
{
    /// <summary>The process's real console.</summary>
    public static CliConsole System => new(Console.OpenStandardInput, Console.Out, Console.Error);

    /// <summary>Writes <c>remediator COMMAND: PROBLEM</c> to <see cref="Error"/> and returns <paramref name="exitCode"/>.</summary>
    public int Fail(string command, int exitCode, string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);

        // One line, whatever the message carried: scripts read stderr line by line.
        Error.WriteLine($"remediator {command}: {problem.ReplaceLineEndings(" ")}");
        Error.Flush();
        return exitCode;
    }
}
