using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remediator.Aws.Config;
using Remediator.Cli.Output;
using Remediator.Cli.Replay;
using Remediator.Core.Configuration;
using Remediator.Core.Engine;
using Remediator.Core.Intake;
using Remediator.Core.Ports;

namespace Remediator.Cli.Commands;

/// <summary>
/// <c>remediator replay --input &lt;file|-&gt; [--mode observe|recommend|enforce] [--output text|json]</c>: runs the
/// engine on a saved subscription payload against the account in the environment (or the endpoint in
/// <c>AWS_ENDPOINT_URL</c>, e.g. the sandbox). Settings come from the <c>REMEDIATOR_*</c> variables; flags win.
/// The default mode is observe, whatever <c>REMEDIATOR_MODE</c> says: a replay changes nothing unless asked to.
/// </summary>
public static class ReplayCommand
{
    /// <summary>An AWS call failed (after retries) or the account could not be identified.</summary>
    public const int AwsFailure = 3;

    private const string Name = "replay";
    private const string TextFormat = "text";
    private const string JsonFormat = "json";

    private static readonly JsonTypeInfo<OutcomeJson> OutcomeJsonInfo = RelaxedJson.For<OutcomeJson>(ReplayJsonContext.Default);

    /// <summary>Builds the command.</summary>
    /// <param name="console">stdin, stdout and stderr.</param>
    /// <param name="environment">The environment to read (tests, the demo); null reads the process environment.</param>
    public static Command Create(CliConsole console, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        Option<string> input = PayloadInput.Option();
        var mode = new Option<string>("--mode", "-m")
        {
            Description = "observe (default: read and report only), recommend (notify the fix), enforce (apply it).",
            DefaultValueFactory = _ => "observe",
        };
        mode.AcceptOnlyFromAmong("observe", "recommend", "enforce");
        var output = new Option<string>("--output", "-o")
        {
            Description = "text: readable lines (default); json: one outcome object per line.",
            DefaultValueFactory = _ => TextFormat,
        };
        output.AcceptOnlyFromAmong(TextFormat, JsonFormat);

        var command = new Command("replay", "Verify and remediate the failures in a saved CloudWatch Logs subscription payload, against the account in the environment.")
        {
            input,
            mode,
            output,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            console,
            environment,
            parsed.GetRequiredValue(input),
            parsed.GetValue(mode) ?? "observe",
            parsed.GetValue(output) ?? TextFormat,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, IReadOnlyDictionary<string, string>? environment, string input, string mode, string format, CancellationToken cancellationToken)
    {
        if (PayloadInput.Read(console, input, ReadBounded, out string? problem) is not { } payload)
        {
            return console.Fail(Name, ExitCodes.UnreadableInput, problem!);
        }

        IEnvironmentVariables variables = environment is null ? new ProcessEnvironmentVariables() : new InMemoryEnvironmentVariables(environment);
        SettingsResult settings = RemediatorSettingsReader.Read(variables, new Dictionary<string, string> { [RemediatorVariables.Mode] = mode });
        if (!settings.IsValid)
        {
            return console.Fail(Name, ExitCodes.Usage, settings.Describe());
        }

        AwsEnvironment aws = environment is null ? AwsEnvironment.FromProcess() : AwsEnvironment.FromDictionary(environment);
        EngineResult result;
        try
        {
            using ReplayHost host = await ReplayHost.CreateAsync(aws, settings.Settings!, cancellationToken).ConfigureAwait(false);
            result = await host.Engine.ProcessAsync(payload, $"replay-{Guid.NewGuid():N}", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or InvalidOperationException or InvalidDataException)
        {
            // Transient or configuration failures of the AWS side: the user's to retry or fix, in one line.
            return console.Fail(Name, AwsFailure, ex.Message);
        }

        Print(console.Out, result, mode, format);
        if (result.IntakeError is { } refused)
        {
            return console.Fail(Name, ExitCodes.UnreadableInput, $"{PayloadInput.Describe(input)} is not a usable payload: {refused}");
        }

        return ExitCodes.Success;
    }

    private static void Print(TextWriter output, EngineResult result, string mode, string format)
    {
        if (format == JsonFormat)
        {
            foreach (EngineOutcome outcome in result.Outcomes)
            {
                output.WriteLine(JsonSerializer.Serialize(OutcomeJson.From(outcome), OutcomeJsonInfo));
            }
        }
        else
        {
            OutcomeText.Write(output, result, mode);
        }

        output.Flush();
    }

    // Reads one character past the limit, to tell a payload at the limit from a larger one.
    private static string? ReadBounded(Stream stream)
    {
        using var reader = new StreamReader(stream);
        char[] buffer = new char[IntakeLimits.MaxPayloadBytes + 1];
        int read = reader.ReadBlock(buffer, 0, buffer.Length);
        return read > IntakeLimits.MaxPayloadBytes ? null : new string(buffer, 0, read);
    }
}
