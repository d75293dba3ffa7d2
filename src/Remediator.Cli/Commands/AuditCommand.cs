using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remediator.Cli.Operator;
using Remediator.Cli.Output;
using Remediator.Core;
using Remediator.Core.Audit;
using Remediator.Core.Configuration;
using Remediator.Core.Policy;
using Remediator.Core.Revert;
using Remediator.Core.Tickets;

namespace Remediator.Cli.Commands;

/// <summary>
/// <c>remediator audit [--api ID] [--stage NAME] [--resolve-tickets] [--accounts FILE|LIST --role-name ROLE [--regions LIST]]
/// [--output text|json]</c>: read-only unless
/// <c>--resolve-tickets</c>. Every Lambda integration and authorizer of every REST, HTTP and WebSocket API stage (or
/// the ones named), judged against its function's policy for the source ARN API Gateway presents; missing permissions
/// come with the exact grant Remediator would add. With <c>--resolve-tickets</c>, Remediator's open OpsItems about a
/// target found allowed are resolved. <see cref="ExitCodes.ActionNeeded"/> when any target cannot be invoked
/// (Missing, ExplicitDeny, FunctionNotFound, AliasNotFound, Unresolved): a CI gate. With <c>--accounts</c> it runs in
/// every account × region through the role it assumes there, and reports them merged (the worst exit code of all).
/// </summary>
public static class AuditCommand
{
    private const string Name = "audit";

    private static readonly JsonTypeInfo<AuditJson> AuditJsonInfo = RelaxedJson.For<AuditJson>(OperatorJsonContext.Default);

    private static readonly JsonTypeInfo<AccountsAuditJson> AccountsAuditJsonInfo = RelaxedJson.For<AccountsAuditJson>(OperatorJsonContext.Default);

    /// <summary>Builds the command.</summary>
    /// <param name="console">stdout and stderr.</param>
    /// <param name="environment">The environment to read (tests); null reads the process environment.</param>
    public static Command Create(CliConsole console, IReadOnlyDictionary<string, string>? environment = null) =>
        Create(console, new OperatorOptions { Environment = environment });

    /// <param name="options">The environment and clock to use (tests).</param>
    internal static Command Create(CliConsole console, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        Option<string[]> api = OperatorInput.Value("--api", "Only this API (REST, HTTP or WebSocket API id).");
        Option<string[]> stage = OperatorInput.Value("--stage", "Only this stage.");
        Option<string[]> output = OperatorInput.Output();
        Option<bool> resolveTickets = OperatorInput.Flag("--resolve-tickets", "Resolve Remediator's open OpsCenter OpsItems whose target this audit finds allowed (the only write; needs REMEDIATOR_TICKETS=opscenter).");
        var scope = AccountScope.Options.Create();
        var command = new Command("audit", "Check every API Gateway → Lambda permission of the account (read-only unless --resolve-tickets); exit 1 when any target cannot be invoked.")
        {
            api,
            stage,
            resolveTickets,
            output,
        }.Lenient();
        foreach (Option option in scope.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) =>
        {
            string? problem = OperatorInput.Problem(parsed, output, [api, stage, .. scope.Values]);
            (AccountScope? accounts, string? scopeProblem) = problem is null ? AccountScope.Read(parsed, scope) : (null, null);
            problem ??= scopeProblem ?? (accounts is not null && OperatorInput.Single(parsed, api) is not null
                ? "--api names one API of one account: leave it out with --accounts (--stage may stay)"
                : null);
            if (problem is not null)
            {
                return Task.FromResult(console.Fail(Name, ExitCodes.BadInput, problem));
            }

            var input = new Input(OperatorInput.Single(parsed, api), OperatorInput.Single(parsed, stage), parsed.GetValue(resolveTickets), OperatorInput.Single(parsed, output) ?? OperatorInput.TextFormat);
            return accounts is null
                ? RunAsync(console, options, input, cancellationToken)
                : RunAcrossAsync(console, options, accounts, input, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, OperatorOptions options, Input input, CancellationToken cancellationToken)
    {
        OperatorResult<AccountAudit> run = await OperatorRun.RunAsync(
            console, Name, options, overrides: null, check: ResolveCheck(input.ResolveTickets), (host, settings) => AuditAsync(host, settings, console, input, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (run.Value is not { Report: var report, Resolved: var resolved })
        {
            return run.ExitCode;
        }

        if (input.Format == OperatorInput.JsonFormat)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(AuditJson.From(report, resolved), AuditJsonInfo));
        }
        else
        {
            AuditText.Write(console.Out, report, resolved);
        }

        console.Out.Flush();
        return AccountAudit.ExitCode(report);
    }

    /// <summary>Every account × region of <paramref name="scope"/>, merged into one report; exits with the worst target's code.</summary>
    private static async Task<int> RunAcrossAsync(CliConsole console, OperatorOptions options, AccountScope scope, Input input, CancellationToken cancellationToken)
    {
        OperatorResult<TargetRun<AccountAudit>[]> run = await OperatorRun.RunAcrossAsync<AccountAudit>(
            console, Name, options, scope, ResolveCheck(input.ResolveTickets), (host, settings, shared) => AuditAsync(host, settings, shared, input, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (run.Value is not { } runs)
        {
            return run.ExitCode;
        }

        if (input.Format == OperatorInput.JsonFormat)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(AccountsAuditJson.From(runs, input.ResolveTickets), AccountsAuditJsonInfo));
        }
        else
        {
            AccountsAuditText.Write(console.Out, runs, input.ResolveTickets);
        }

        console.Out.Flush();
        return runs.Aggregate(ExitCodes.Success, (worst, r) => ExitCodes.Worst(worst, r.Value is { Report: var report } ? AccountAudit.ExitCode(report) : r.ExitCode));
    }

    private static async Task<OperatorResult<AccountAudit>> AuditAsync(
        OperatorHost host, RemediatorSettings settings, CliConsole console, Input input, CancellationToken cancellationToken)
    {
        var auditor = new Auditor(host.Clients.ApiGateway, host.Clients.ApiGatewayV2, host.Clients.Lambda);

        // With a ledger table, the functions its fixes name are read too: a statement whose API is gone sits where nothing points.
        IReadOnlyList<LambdaFunctionArn> fixedFunctions = settings.LedgerTable is null || input.ApiId is not null
            ? []
            : await LedgerFixes.FunctionsAsync(host.Ledger, cancellationToken).ConfigureAwait(false);
        Result<AuditReport, string> result = await auditor.AuditAsync(
            new AuditRequest(host.AccountId, host.Region, input.ApiId, input.Stage, settings.StageScope) { AlsoInspect = fixedFunctions }, cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } report)
        {
            return OperatorRun.Fail<AccountAudit>(console, Name, ExitCodes.BadInput, result.Error!);
        }

        IReadOnlyList<ResolvedTicket>? resolved = input.ResolveTickets
            ? await new AuditTicketResolver(host.Services.OpsCenter!, TimeProvider.System).ResolveAsync(report, cancellationToken).ConfigureAwait(false)
            : null;
        return OperatorResult<AccountAudit>.Done(new AccountAudit(report, resolved));
    }

    private sealed record Input(string? ApiId, string? Stage, bool ResolveTickets, string Format);

    // Resolving needs somewhere to resolve: OpsItems are what REMEDIATOR_TICKETS=opscenter (the default) keeps.
    private static Func<RemediatorSettings, string?> ResolveCheck(bool resolveTickets) => settings =>
        resolveTickets && settings.Tickets != TicketMode.OpsCenter
            ? $"--resolve-tickets needs {RemediatorVariables.Tickets}=opscenter (tickets are OpsItems only then)"
            : null;
}
