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

    private static readonly JsonTypeInfo<Finding> FindingJson = RelaxedJson.For<Finding>(DiagnosisJsonContext.Default);

    /// <summary>Builds the command; <paramref name="console"/> supplies stdin, stdout and stderr.</summary>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        Option<string> input = PayloadInput.Option();
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
        if (PayloadInput.Read(console, input, ReadBounded, out string? problem) is not { } payload)
        {
            return console.Fail(Name, ExitCodes.BadInput, problem!);
        }

        IntakeResult intake = SubscriptionPayloadDecoder.Decode(payload);
        if (!intake.IsSuccess)
        {
            return console.Fail(Name, ExitCodes.BadInput, $"{PayloadInput.Describe(input)} is not a usable payload: {intake.Error}");
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

    // Stops one chunk past the limit: a huge file or an endless pipe costs no more than that.
    private static byte[]? ReadBounded(Stream stream)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > IntakeLimits.MaxPayloadBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
