using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remediator.Cli.Operator;
using Remediator.Cli.Output;
using Remediator.Core;
using Remediator.Core.Audit;
using Remediator.Core.Configuration;
using Remediator.Core.Tickets;

namespace Remediator.Cli.Commands;

/// <summary>
/// <c>remediator audit [--api ID] [--stage NAME] [--resolve-tickets] [--output text|json]</c>: read-only unless
/// <c>--resolve-tickets</c>. Every Lambda integration and authorizer of every REST, HTTP and WebSocket API stage (or
/// the ones named), judged against its function's policy for the source ARN API Gateway presents; missing permissions
/// come with the exact grant Remediator would add. With <c>--resolve-tickets</c>, Remediator's open OpsItems about a
/// target found allowed are resolved. <see cref="ExitCodes.ActionNeeded"/> when any target cannot be invoked
/// (Missing, ExplicitDeny, FunctionNotFound, AliasNotFound, Unresolved): a CI gate.
/// </summary>
public static class AuditCommand
{
    private const string Name = "audit";

    private static readonly JsonTypeInfo<AuditJson> AuditJsonInfo = RelaxedJson.For<AuditJson>(OperatorJsonContext.Default);

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
        var command = new Command("audit", "Check every API Gateway → Lambda permission of the account (read-only unless --resolve-tickets); exit 1 when any target cannot be invoked.")
        {
            api,
            stage,
            resolveTickets,
            output,
        }.Lenient();
        command.SetAction((parsed, cancellationToken) =>
            OperatorInput.Problem(parsed, output, api, stage) is { } problem
                ? Task.FromResult(console.Fail(Name, ExitCodes.BadInput, problem))
                : RunAsync(console, options, OperatorInput.Single(parsed, api), OperatorInput.Single(parsed, stage), parsed.GetValue(resolveTickets), OperatorInput.Single(parsed, output) ?? OperatorInput.TextFormat, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, OperatorOptions options, string? apiId, string? stage, bool resolveTickets, string format, CancellationToken cancellationToken)
    {
        IReadOnlyList<ResolvedTicket>? resolved = null;
        OperatorResult<AuditReport> run = await OperatorRun.RunAsync(console, Name, options, overrides: null, check: ResolveCheck(resolveTickets), async (host, settings) =>
        {
            var auditor = new Auditor(host.Clients.ApiGateway, host.Clients.ApiGatewayV2, host.Clients.Lambda);
            Result<AuditReport, string> result = await auditor.AuditAsync(
                new AuditRequest(host.AccountId, host.Region, apiId, stage, settings.StageScope), cancellationToken).ConfigureAwait(false);
            if (result.Value is not { } report)
            {
                return OperatorRun.Fail<AuditReport>(console, Name, ExitCodes.BadInput, result.Error!);
            }

            if (resolveTickets)
            {
                resolved = await new AuditTicketResolver(host.Services.OpsCenter!, TimeProvider.System).ResolveAsync(report, cancellationToken).ConfigureAwait(false);
            }

            return OperatorResult<AuditReport>.Done(report);
        }, cancellationToken).ConfigureAwait(false);
        if (run.Value is not { } report)
        {
            return run.ExitCode;
        }

        if (format == OperatorInput.JsonFormat)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(AuditJson.From(report, resolved), AuditJsonInfo));
        }
        else
        {
            AuditText.Write(console.Out, report, resolved);
        }

        console.Out.Flush();
        return report.HasBlockingEntries ? ExitCodes.ActionNeeded : ExitCodes.Success;
    }

    // Resolving needs somewhere to resolve: OpsItems are what REMEDIATOR_TICKETS=opscenter (the default) keeps.
    private static Func<RemediatorSettings, string?> ResolveCheck(bool resolveTickets) => settings =>
        resolveTickets && settings.Tickets != TicketMode.OpsCenter
            ? $"--resolve-tickets needs {RemediatorVariables.Tickets}=opscenter (tickets are OpsItems only then)"
            : null;
}
