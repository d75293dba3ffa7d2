using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remediator.Cli.Operator;
using Remediator.Cli.Output;
using Remediator.Core.Configuration;
using Remediator.Core.Engine;
using Remediator.Core.Intake;

namespace Remediator.Cli.Commands;

/// <summary>
/// <c>remediator replay --input &lt;file|-&gt; [--mode observe|recommend|enforce] [--output text|json]</c>: runs the
/// engine on a saved subscription payload against the account in the environment (or the endpoint in
/// <c>AWS_ENDPOINT_URL</c>, e.g. the sandbox). Settings come from the <c>REMEDIATOR_*</c> variables; flags win.
/// The default mode is observe, whatever <c>REMEDIATOR_MODE</c> says: a replay changes nothing unless asked to.
/// The outcomes go to stdout; the engine's log lines (as the Lambda writes them) to stderr.
/// </summary>
public static class ReplayCommand
{
    private const string Name = "replay";
    private const string TextFormat = "text";
    private const string JsonFormat = "json";

    private static readonly JsonTypeInfo<OutcomeJson> OutcomeJsonInfo = RelaxedJson.For<OutcomeJson>(ReplayJsonContext.Default);

    /// <summary>Builds the command.</summary>
    /// <param name="console">stdin, stdout and stderr.</param>
    /// <param name="environment">The environment to read (tests); null reads the process environment.</param>
    public static Command Create(CliConsole console, IReadOnlyDictionary<string, string>? environment = null) =>
        Create(console, new OperatorOptions { Environment = environment });

    /// <param name="options">The environment, clock and ledger to use (tests).</param>
    internal static Command Create(CliConsole console, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
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
            options,
            parsed.GetRequiredValue(input),
            parsed.GetValue(mode) ?? "observe",
            parsed.GetValue(output) ?? TextFormat,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, OperatorOptions options, string input, string mode, string format, CancellationToken cancellationToken)
    {
        if (PayloadInput.Read(console, input, ReadBounded, out string? problem) is not { } payload)
        {
            return console.Fail(Name, ExitCodes.BadInput, problem!);
        }

        OperatorResult<EngineResult> run = await OperatorRun.RunAsync(
            console,
            Name,
            options,
            new Dictionary<string, string> { [RemediatorVariables.Mode] = mode },
            check: _ => null,
            async (host, _) => OperatorResult<EngineResult>.Done(
                await host.CreateEngine().ProcessAsync(payload, $"replay-{Guid.NewGuid():N}", cancellationToken).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        if (run.Value is not { } result)
        {
            return run.ExitCode;
        }

        Print(console.Out, result, mode, format);
        if (result.IntakeError is { } refused)
        {
            return console.Fail(Name, ExitCodes.BadInput, $"{PayloadInput.Describe(input)} is not a usable payload: {refused}");
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
