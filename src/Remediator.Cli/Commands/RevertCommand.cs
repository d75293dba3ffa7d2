using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remediator.Cli.Operator;
using Remediator.Cli.Output;
using Remediator.Core;
using Remediator.Core.Configuration;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Revert;

namespace Remediator.Cli.Commands;

/// <summary>
/// <c>remediator revert [--function NAME [--qualifier Q]] [--statement-id SID] [--from-ledger | --stale] [--dry-run]
/// [--accounts FILE|LIST --role-name ROLE [--regions LIST]] [--output text|json]</c>: removes permissions Remediator added, found in the named function's policy or in the
/// ledger's fix records; with <c>--stale</c> only those whose API, stage or route no longer exists. Only statements exactly as Remediator writes them are removed; anything else is refused
/// and left in place. <see cref="ExitCodes.Success"/> when everything selected is reverted (or already gone, or would
/// be in a dry run), <see cref="ExitCodes.ActionNeeded"/> when something was refused, busy or kept changing.
/// </summary>
public static class RevertCommand
{
    private const string Name = "revert";

    private static readonly JsonTypeInfo<RevertJson> RevertJsonInfo = RelaxedJson.For<RevertJson>(OperatorJsonContext.Default);

    private static readonly JsonTypeInfo<RevertTargetFailureJson> FailureJsonInfo = RelaxedJson.For<RevertTargetFailureJson>(OperatorJsonContext.Default);

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
        Option<string[]> function = OperatorInput.Value("--function", "The function (name or ARN) whose policy to read; with --from-ledger, only its fixes.");
        Option<string[]> qualifier = OperatorInput.Value("--qualifier", "The alias or version whose policy to read (default: the function's own policy).");
        Option<string[]> statementId = OperatorInput.Value("--statement-id", "Only this statement.");
        Option<bool> fromLedger = OperatorInput.Flag("--from-ledger", "Revert the fixes the ledger (REMEDIATOR_LEDGER_TABLE) records.");
        Option<bool> stale = OperatorInput.Flag("--stale", "Revert Remediator's statements whose API, stage or route no longer exists (proven by API Gateway's 404).");
        Option<bool> dryRun = OperatorInput.Flag("--dry-run", "Print what would be removed; write nothing.");
        Option<string[]> output = OperatorInput.Output();
        var command = new Command("revert", "Remove permissions Remediator added (only statements exactly as it writes them).")
        {
            function,
            qualifier,
            statementId,
            fromLedger,
            stale,
            dryRun,
            output,
        }.Lenient();
        var scope = AccountScope.Options.Create();
        foreach (Option option in scope.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) =>
        {
            var input = new Input(
                OperatorInput.Single(parsed, function),
                OperatorInput.Single(parsed, qualifier),
                OperatorInput.Single(parsed, statementId),
                parsed.GetValue(fromLedger),
                parsed.GetValue(dryRun),
                OperatorInput.Single(parsed, output) ?? OperatorInput.TextFormat)
            {
                Stale = parsed.GetValue(stale),
            };
            string? problem = OperatorInput.Problem(parsed, output, [function, qualifier, statementId, .. scope.Values]) ?? input.Problem();
            (AccountScope? accounts, string? scopeProblem) = problem is null ? AccountScope.Read(parsed, scope) : (null, null);
            problem ??= scopeProblem;
            return problem is not null
                ? Task.FromResult(console.Fail(Name, ExitCodes.BadInput, problem))
                : accounts is null
                    ? RunAsync(console, options, input, cancellationToken)
                    : RunAcrossAsync(console, options, accounts, input, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, OperatorOptions options, Input input, CancellationToken cancellationToken)
    {
        OperatorResult<RevertReport> run = await OperatorRun.RunAsync(
            console,
            Name,
            options,
            overrides: null,
            settings => input.LedgerProblem(settings, options.Ledger),
            (host, _) => RevertAsync(console, host, input, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (run.Value is not { } report)
        {
            return run.ExitCode;
        }

        if (input.Format == OperatorInput.JsonFormat)
        {
            foreach (RevertResult result in report.Results)
            {
                console.Out.WriteLine(JsonSerializer.Serialize(RevertJson.From(result, report.DryRun), RevertJsonInfo));
            }
        }
        else
        {
            RevertText.Write(console.Out, report);
        }

        console.Out.Flush();
        return report.Succeeded ? ExitCodes.Success : ExitCodes.ActionNeeded;
    }

    /// <summary>Every account × region of <paramref name="scope"/>: their results with account and region columns; the worst exit code.</summary>
    private static async Task<int> RunAcrossAsync(CliConsole console, OperatorOptions options, AccountScope scope, Input input, CancellationToken cancellationToken)
    {
        OperatorResult<TargetRun<RevertReport>[]> run = await OperatorRun.RunAcrossAsync<RevertReport>(
            console,
            Name,
            options,
            scope,
            settings => input.LedgerProblem(settings, options.Ledger),
            (host, _, shared) => RevertAsync(shared, host, input, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (run.Value is not { } runs)
        {
            return run.ExitCode;
        }

        int exitCode = ExitCodes.Success;
        foreach (TargetRun<RevertReport> target in runs)
        {
            exitCode = ExitCodes.Worst(exitCode, target.Value is { } done ? (done.Succeeded ? ExitCodes.Success : ExitCodes.ActionNeeded) : target.ExitCode);
            if (input.Format == OperatorInput.JsonFormat)
            {
                IEnumerable<string> lines = target.Value is { } report
                    ? report.Results.Select(r => JsonSerializer.Serialize(RevertJson.From(r, report.DryRun) with { Account = target.Account, Region = target.Region }, RevertJsonInfo))
                    : [JsonSerializer.Serialize(new RevertTargetFailureJson(target.Account, target.Region, "Failed", target.ExitCode, target.Error ?? string.Empty), FailureJsonInfo)];
                foreach (string line in lines)
                {
                    console.Out.WriteLine(line);
                }
            }
            else if (target.Value is { } report)
            {
                RevertText.Write(console.Out, report, $"{target.Account}  {target.Region}  ");
            }
            else
            {
                console.Out.WriteLine($"{target.Account}  {target.Region}  {"Failed",-12} error: {target.Error?.ReplaceLineEndings(" ")}");
            }
        }

        if (input.Format != OperatorInput.JsonFormat)
        {
            int failed = runs.Count(r => r.Value is null);
            console.Out.WriteLine($"{runs.Length} account-region(s): {runs.Length - failed} reverted in, {failed} failed.");
        }

        console.Out.Flush();
        return exitCode;
    }

    private static async Task<OperatorResult<RevertReport>> RevertAsync(CliConsole console, OperatorHost host, Input input, CancellationToken cancellationToken)
    {
        LambdaFunctionArn? target = null;
        if (input.Function is { } named)
        {
            Result<LambdaFunctionArn, string> resolved = FunctionReference.Resolve(named, input.Qualifier, host.AccountId, host.Region);
            if (!resolved.IsSuccess)
            {
                return OperatorRun.Fail<RevertReport>(console, Name, ExitCodes.BadInput, resolved.Error);
            }

            target = resolved.Value;
        }

        var request = new RevertRequest
        {
            Function = target,
            AnyQualifier = input.FromLedger && target?.Qualifier is null,
            StatementId = input.StatementId,
            FromLedger = input.FromLedger,
            DryRun = input.DryRun,
            Owner = $"remediator-revert-{Guid.NewGuid():N}",
        };
        if (input.Stale)
        {
            var stale = new StaleReverter(host.Clients.ApiGateway, host.Clients.ApiGatewayV2, host.Clients.Lambda, host.Ledger);
            return OperatorResult<RevertReport>.Done(await stale.RunAsync(request, host.AccountId, host.Region, cancellationToken).ConfigureAwait(false));
        }

        return OperatorResult<RevertReport>.Done(
            await new Reverter(host.Clients.Lambda, host.Ledger).RunAsync(request, cancellationToken).ConfigureAwait(false));
    }

    private sealed record Input(string? Function, string? Qualifier, string? StatementId, bool FromLedger, bool DryRun, string Format)
    {
        /// <summary>Only statements proven stale.</summary>
        public bool Stale { get; init; }

        public string? Problem() =>
            Qualifier is not null && Function is null ? "--qualifier needs --function"
            : Stale && FromLedger ? "--stale finds Remediator's statements itself (with a ledger table it reads the functions its fixes name too): drop --from-ledger"
            : Function is null && !FromLedger && !Stale ? "name the function (--function), read the ledger (--from-ledger) or look for stale statements (--stale)"
            : StatementId is not null && !StatementIdFactory.IsValidStatementId(StatementId) ? $"--statement-id \"{StatementId}\" is not a statement id (1 to 100 of A-Z a-z 0-9 - _)"
            : null;

        // Without a table the ledger would be this process's own, empty one: "nothing to revert" would be a lie.
        public string? LedgerProblem(RemediatorSettings settings, ILedger? ledger) =>
            FromLedger && ledger is null && settings.LedgerTable is null
                ? $"--from-ledger reads the ledger table: set {RemediatorVariables.LedgerTable}"
                : null;
    }
}
