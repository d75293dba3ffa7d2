using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remediator.Aws.Composition;
using Remediator.Cli.Operator;
using Remediator.Cli.Output;
using Remediator.Core.Configuration;
using Remediator.Core.Redrive;

namespace Remediator.Cli.Commands;

/// <summary>
/// <c>remediator redrive --queue-url URL [--dry-run] [--max-messages N] [--mode observe|recommend|enforce]
/// [--output text|json]</c>: reads the dead-letter queue (Lambda's on-failure records), replays each original
/// payload through the engine as <c>replay</c> does, under the failed invocation's request id, and deletes the
/// messages whose replay ran to the end. <see cref="ExitCodes.Success"/> when every message was replayed (or would be),
/// <see cref="ExitCodes.AwsFailure"/> when a replay failed on AWS (the message stays), <see cref="ExitCodes.ActionNeeded"/>
/// when a message cannot be replayed at all (it stays for a person).
/// </summary>
public static class RedriveCommand
{
    private const string Name = "redrive";
    private const int DefaultMaxMessages = 100;

    private static readonly JsonTypeInfo<RedriveJson> RedriveJsonInfo = RelaxedJson.For<RedriveJson>(OperatorJsonContext.Default);

    /// <summary>Builds the command.</summary>
    /// <param name="console">stdout and stderr.</param>
    /// <param name="environment">The environment to read (tests); null reads the process environment.</param>
    public static Command Create(CliConsole console, IReadOnlyDictionary<string, string>? environment = null) =>
        Create(console, new OperatorOptions { Environment = environment });

    /// <param name="options">The environment, clock and ledger to use (tests).</param>
    internal static Command Create(CliConsole console, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        Option<string[]> queueUrl = OperatorInput.Value("--queue-url", "The dead-letter queue's URL (the stack's DeadLetterQueue).");
        Option<bool> dryRun = OperatorInput.Flag("--dry-run", "Read and decode the messages; replay and delete nothing.");
        Option<string[]> maxMessages = OperatorInput.Value("--max-messages", $"Messages handled at most (default {DefaultMaxMessages}).");
        Option<string[]> mode = OperatorInput.Value("--mode", "observe, recommend or enforce (default: REMEDIATOR_MODE, as the function runs).");
        Option<string[]> output = OperatorInput.Output();
        var command = new Command("redrive", "Replay the payloads in the dead-letter queue through the engine and delete what succeeded.")
        {
            queueUrl,
            dryRun,
            maxMessages,
            mode,
            output,
        }.Lenient();
        command.SetAction((parsed, cancellationToken) =>
        {
            var input = new Input(
                OperatorInput.Single(parsed, queueUrl),
                parsed.GetValue(dryRun),
                OperatorInput.Single(parsed, maxMessages),
                OperatorInput.Single(parsed, mode),
                OperatorInput.Single(parsed, output) ?? OperatorInput.TextFormat);
            return (OperatorInput.Problem(parsed, output, queueUrl, maxMessages, mode) ?? input.Problem()) is { } problem
                ? Task.FromResult(console.Fail(Name, ExitCodes.BadInput, problem))
                : RunAsync(console, options, input, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, OperatorOptions options, Input input, CancellationToken cancellationToken)
    {
        OperatorResult<RedriveRun> run = await OperatorRun.RunAsync(
            console,
            Name,
            options,
            input.Mode is null ? null : new Dictionary<string, string> { [RemediatorVariables.Mode] = input.Mode },
            check: _ => null,
            async (host, settings) =>
            {
                using var queue = new SqsDeadLetterQueue(host.Clients, input.QueueUrl!, new AwsClientSettings().Retry);
                var redriver = new Redriver(queue, (payload, requestId, token) => host.CreateEngine().ProcessAsync(payload, requestId, token));
                IReadOnlyList<RedriveItem> items = await redriver.RunAsync(input.Limit, input.DryRun, cancellationToken).ConfigureAwait(false);
                return OperatorResult<RedriveRun>.Done(new RedriveRun(items, settings.Mode.ToConfigValue()));
            },
            cancellationToken).ConfigureAwait(false);
        if (run.Value is not { } done)
        {
            return run.ExitCode;
        }

        Print(console.Out, done, input);
        return done.Items.Any(i => i.Status == RedriveStatus.Failed) ? ExitCodes.AwsFailure
            : done.Items.Any(i => i.Status == RedriveStatus.Unusable) ? ExitCodes.ActionNeeded
            : ExitCodes.Success;
    }

    private static void Print(TextWriter output, RedriveRun run, Input input)
    {
        if (input.Format == OperatorInput.JsonFormat)
        {
            foreach (RedriveItem item in run.Items)
            {
                output.WriteLine(JsonSerializer.Serialize(RedriveJson.From(item, input.DryRun), RedriveJsonInfo));
            }
        }
        else
        {
            foreach (RedriveItem item in run.Items)
            {
                output.WriteLine($"{item.Status,-11}  {item.MessageId}  {item.RequestId ?? "-"}  {item.Detail}");
            }

            int replayed = run.Items.Count(i => i.Status is RedriveStatus.Replayed or RedriveStatus.WouldReplay);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{run.Items.Count} message(s) in {run.Mode} mode{(input.DryRun ? " (dry run)" : string.Empty)}: {replayed} {(input.DryRun ? "would be replayed" : "replayed and deleted")}, {run.Items.Count - replayed} left in the queue."));
        }

        output.Flush();
    }

    private sealed record RedriveRun(IReadOnlyList<RedriveItem> Items, string Mode);

    private sealed record Input(string? QueueUrl, bool DryRun, string? MaxMessages, string? Mode, string Format)
    {
        public int Limit => MaxMessages is null ? DefaultMaxMessages : int.Parse(MaxMessages, CultureInfo.InvariantCulture);

        public string? Problem() =>
            QueueUrl is null ? "name the dead-letter queue (--queue-url)"
            : !Uri.TryCreate(QueueUrl, UriKind.Absolute, out Uri? url) || url.Scheme is not ("https" or "http") ? $"--queue-url \"{QueueUrl}\" is not a queue URL"
            : MaxMessages is not null && (!int.TryParse(MaxMessages, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n is < 1 or > 10_000) ? $"--max-messages \"{MaxMessages}\" is not a number from 1 to 10000"
            : Mode is not (null or "observe" or "recommend" or "enforce") ? $"--mode \"{Mode}\" is not one of observe, recommend, enforce"
            : null;
    }
}
