using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Cli.Output;
using Remediator.Core.Configuration;

namespace Remediator.Cli.Operator;

/// <summary>
/// What every command that talks to AWS (replay, audit, revert) does around its own work: read the
/// <c>REMEDIATOR_*</c> settings, build the <see cref="RemediatorServices"/> the Lambda builds (the engine's log
/// lines going to stderr), identify the account (<see cref="OperatorHost"/>) and close it all again. Unusable
/// settings exit <see cref="ExitCodes.BadInput"/>, a failing AWS call <see cref="ExitCodes.AwsFailure"/>, each
/// with one line on stderr.
/// </summary>
internal static class OperatorRun
{
    /// <summary>Runs <paramref name="work"/> on the account; <paramref name="check"/> may refuse the settings first.</summary>
    /// <param name="overrides">Settings the command line sets, over the environment's (replay's <c>--mode</c>).</param>
    public static async Task<OperatorResult<T>> RunAsync<T>(
        CliConsole console,
        string command,
        OperatorOptions options,
        IReadOnlyDictionary<string, string>? overrides,
        Func<RemediatorSettings, string?> check,
        Func<OperatorHost, RemediatorSettings, Task<OperatorResult<T>>> work,
        CancellationToken cancellationToken)
        where T : class
    {
        IEnvironmentVariables variables = options.Environment is null
            ? new ProcessEnvironmentVariables()
            : new InMemoryEnvironmentVariables(options.Environment);
        SettingsResult read = RemediatorSettingsReader.Read(variables, overrides);
        if (!read.IsValid)
        {
            return Fail<T>(console, command, ExitCodes.BadInput, read.Describe());
        }

        foreach (SettingsError warning in read.Warnings)
        {
            console.Error.WriteLine($"remediator {command}: warning: {warning}");
        }

        RemediatorSettings settings = read.Settings!;
        if (check(settings) is { } problem)
        {
            return Fail<T>(console, command, ExitCodes.BadInput, problem);
        }

        AwsEnvironment aws = options.Environment is null ? AwsEnvironment.FromProcess() : AwsEnvironment.FromDictionary(options.Environment);
        try
        {
            RemediatorServices services = RemediatorServices.Create(
                settings, aws, options.Clock, new StandardErrorLogSink(console.Error), ledger: options.Ledger);
            using OperatorHost host = await OperatorHost.CreateAsync(services, cancellationToken).ConfigureAwait(false);
            return await work(host, settings).ConfigureAwait(false);
        }
        catch (Exception ex) when (AwsFailure.Is(ex, cancellationToken))
        {
            // Permissions, throttling that outlasted the retries, an unreachable endpoint, no region: one line to act on.
            return Fail<T>(console, command, ExitCodes.AwsFailure, ex.Message);
        }
    }

    /// <summary>Writes the problem to stderr and returns a result that exits with <paramref name="exitCode"/>.</summary>
    public static OperatorResult<T> Fail<T>(CliConsole console, string command, int exitCode, string problem)
        where T : class =>
        OperatorResult<T>.Failed(console.Fail(command, exitCode, problem));
}
