using System.CommandLine;

namespace Remediator.Cli.Operator;

/// <summary>
/// Options for operator commands whose output is read by CI (audit, revert): they accept what they are given and the
/// command's action checks it, so bad input is one <c>remediator &lt;command&gt;: &lt;problem&gt;</c> line on stderr
/// (System.CommandLine would print its errors and the help) and exits <see cref="ExitCodes.BadInput"/>.
/// </summary>
internal static class OperatorInput
{
    public const string TextFormat = "text";
    public const string JsonFormat = "json";

    private const string Stray = "stray";

    /// <summary>An option taking one value, checked by <see cref="Problem"/> rather than by the parser.</summary>
    public static Option<string[]> Value(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.ZeroOrMore, HelpName = name.TrimStart('-') };

    /// <summary>The value of an option made by <see cref="Value"/>, once <see cref="Problem"/> found none.</summary>
    public static string? Single(ParseResult parsed, Option<string[]> option) =>
        parsed.GetValue(option) is [var value] ? value : null;

    /// <summary>A switch.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>The <c>--output text|json</c> option.</summary>
    public static Option<string[]> Output()
    {
        Option<string[]> output = Value("--output", "text: readable lines (default); json: machine-readable.");
        output.Aliases.Add("-o");
        return output;
    }

    /// <summary>Adds a hidden argument that takes stray tokens, so they reach the action instead of failing the parse.</summary>
    public static Command Lenient(this Command command)
    {
        command.Arguments.Add(new Argument<string[]>(Stray) { Arity = ArgumentArity.ZeroOrMore, Hidden = true });
        return command;
    }

    /// <summary>What is wrong with the command line, or null: leftover tokens, an option given without its value, a bad format.</summary>
    public static string? Problem(ParseResult parsed, Option<string[]> output, params Option<string[]>[] values)
    {
        string[] stray = [.. parsed.UnmatchedTokens, .. parsed.GetValue<string[]>(Stray) ?? []];
        if (stray.Length > 0)
        {
            return $"unknown argument(s): {string.Join(' ', stray)}";
        }

        foreach (Option<string[]> option in values.Append(output))
        {
            if (parsed.GetResult(option) is not null && parsed.GetValue(option) is not [{ Length: > 0 }])
            {
                return $"{option.Name} takes exactly one value";
            }
        }

        string? format = Single(parsed, output);
        return format is null or TextFormat or JsonFormat ? null : $"--output must be {TextFormat} or {JsonFormat}, not \"{format}\"";
    }
}
