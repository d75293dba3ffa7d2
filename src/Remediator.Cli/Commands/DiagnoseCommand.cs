using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remediator.Cli.Output;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;

namespace Remediator.Cli.Commands;

/// <summary>
/// <c>remediator diagnose --input &lt;file|-&gt; [--output text|json]</c>: decodes a subscription payload (or a
/// decoded message) and prints its findings. Read-only: it never calls AWS.
/// </summary>
public static class DiagnoseCommand
{
    private const string Name = "diagnose";
    private const string TextFormat = "text";
    private const string JsonFormat = "json";
    private const string StandardInput = "-";

    private static readonly JsonTypeInfo<Finding> FindingJson = RelaxedJson.For<Finding>(DiagnosisJsonContext.Default);

    /// <summary>Builds the command; <paramref name="console"/> supplies stdin, stdout and stderr.</summary>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var input = new Option<string>("--input", "-i")
        {
            Description = "The Lambda payload {\"awslogs\":{\"data\":...}} or a decoded DATA_MESSAGE JSON file; '-' reads standard input.",
            Required = true,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "text: a readable table (default); json: one finding object per line.",
            DefaultValueFactory = _ => TextFormat,
        };
        output.AcceptOnlyFromAmong(TextFormat, JsonFormat);

        var command = new Command("diagnose", "Diagnose API Gateway → Lambda failures in a CloudWatch Logs subscription payload.")
        {
            input,
            output,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(input), parsed.GetValue(output) ?? TextFormat));
        return command;
    }

    private static int Run(CliConsole console, string input, string format)
    {
        if (!TryReadInput(console, input, out byte[] payload, out string? problem))
        {
            return console.Fail(Name, ExitCodes.UnreadableInput, problem!);
        }

        IntakeResult intake = SubscriptionPayloadDecoder.Decode(payload);
        if (!intake.IsSuccess)
        {
            return console.Fail(Name, ExitCodes.UnreadableInput, $"{DescribeSource(input)} is not a usable payload: {intake.Error}");
        }

        DiagnosisResult result = Diagnoser.Diagnose(intake.Batch);
        if (format == JsonFormat)
        {
            foreach (Finding finding in result.Findings)
            {
                console.Out.WriteLine(JsonSerializer.Serialize(finding, FindingJson));
            }
        }
        else
        {
            FindingTable.Write(console.Out, result);
        }

        console.Out.Flush();
        return ExitCodes.Success;
    }

    private static bool TryReadInput(CliConsole console, string input, out byte[] payload, out string? problem)
    {
        payload = [];
        problem = null;
        try
        {
            using Stream stream = input == StandardInput ? console.OpenStandardInput() : File.OpenRead(input);
            if (TryReadBounded(stream, IntakeLimits.MaxPayloadBytes, out payload))
            {
                return true;
            }

            problem = $"{DescribeSource(input)} is larger than {IntakeLimits.MaxPayloadBytes} bytes";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The only failures reading a local file can have: report them, they are the user's to fix.
            problem = $"cannot read {DescribeSource(input)}: {ex.Message}";
        }

        return false;
    }

    // Stops one chunk past the limit: a huge file or an endless pipe costs no more than that.
    private static bool TryReadBounded(Stream stream, int limit, out byte[] payload)
    {
        payload = [];
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        payload = buffer.ToArray();
        return true;
    }

    private static string DescribeSource(string input) => input == StandardInput ? "standard input" : $"'{input}'";
}
