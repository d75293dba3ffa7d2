using System.CommandLine;

namespace Remediator.Cli.Operator;

/// <summary>
/// Options for operator commands whose exit codes carry meaning in CI (audit: 1 = a permission is missing). A
/// System.CommandLine parse error also exits 1, so these options accept what they are given and the command's
/// action checks it, exiting <see cref="ExitCodes.UnreadableInput"/> (2) for bad input.
/// </summary>
internal static class OperatorInput
{
    public const string TextFormat = "text";
    public const string JsonFormat = "json";

    /// <summary>An option taking one value, checked by <see cref="Problem"/> rather than by the parser.</summary>
    public static Option<string> Value(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };

    /// <summary>A switch.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>The <c>--output text|json</c> option.</summary>
    public static Option<string> Output() =>
        Value("--output", "text: readable lines (default); json: machine-readable.");

    /// <summary>Marks <paramref name="command"/> so unknown tokens reach the action instead of failing the parse.</summary>
    public static Command Lenient(this Command command)
    {
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    /// <summary>What is wrong with the command line, or null: leftover tokens, an option given without its value, a bad format.</summary>
    public static string? Problem(ParseResult parsed, Option<string> output, params Option<string>[] values)
    {
        if (parsed.UnmatchedTokens.Count > 0)
        {
            return $"unknown argument(s): {string.Join(' ', parsed.UnmatchedTokens)}";
        }

        foreach (Option<string> option in values.Append(output))
        {
            if (parsed.GetResult(option) is not null && string.IsNullOrEmpty(parsed.GetValue(option)))
            {
                return $"{option.Name} needs a value";
            }
        }

        string? format = parsed.GetValue(output);
        return format is null or TextFormat or JsonFormat ? null : $"--output must be {TextFormat} or {JsonFormat}, not \"{format}\"";
    }

    /// <summary>Writes one line to stderr, prefixed with the command, and returns <paramref name="exitCode"/>.</summary>
    public static int Fail(CliConsole console, string command, int exitCode, string problem)
    {
        console.Error.WriteLine($"remediator {command}: {problem.ReplaceLineEndings(" ")}");
        console.Error.Flush();
        return exitCode;
    }
}
