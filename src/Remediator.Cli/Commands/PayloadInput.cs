using System.CommandLine;
using Remediator.Core.Intake;

namespace Remediator.Cli.Commands;

/// <summary>The <c>--input</c> of the commands that read a saved subscription payload (diagnose, replay).</summary>
internal static class PayloadInput
{
    private const string StandardInput = "-";

    /// <summary>The required <c>--input &lt;file|-&gt;</c> option.</summary>
    public static Option<string> Option() => new("--input", "-i")
    {
        Description = "The Lambda payload {\"awslogs\":{\"data\":...}} or a decoded DATA_MESSAGE JSON file; '-' reads standard input.",
        Required = true,
    };

    /// <summary>
    /// Reads the file, or standard input for <c>-</c>, with <paramref name="readBounded"/>, which returns null when the
    /// input is larger than <see cref="IntakeLimits.MaxPayloadBytes"/>; null with <paramref name="problem"/> set when
    /// nothing usable was read.
    /// </summary>
    public static T? Read<T>(CliConsole console, string input, Func<Stream, T?> readBounded, out string? problem)
        where T : class
    {
        try
        {
            using Stream stream = input == StandardInput ? console.OpenStandardInput() : File.OpenRead(input);
            T? payload = readBounded(stream);
            problem = payload is null ? $"{Describe(input)} is larger than {IntakeLimits.MaxPayloadBytes} bytes" : null;
            return payload;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The only failures reading a local file can have: report them, they are the user's to fix.
            problem = $"cannot read {Describe(input)}: {ex.Message}";
            return null;
        }
    }

    /// <summary>How messages name the input: <c>standard input</c> or the quoted path.</summary>
    public static string Describe(string input) => input == StandardInput ? "standard input" : $"'{input}'";
}
