using Remediator.Aws.Config;
using Remediator.Cli.Commands;
using Remediator.Core.Configuration;
using Remediator.Core.Ports;

namespace Remediator.Cli.Operator;

/// <summary>
/// What every operator command does around its own work: read the <c>REMEDIATOR_*</c> settings, open the account
/// (<see cref="OperatorHost"/>) and close it again. Unusable settings exit <see cref="BadInput"/>, a failing AWS call
/// <see cref="AwsFailure"/>, each with one line on stderr.
/// </summary>
internal static class OperatorRun
{
    /// <summary>The command line, the settings or what they name are unusable.</summary>
    public const int BadInput = ExitCodes.UnreadableInput;

    /// <summary>An AWS call failed (after retries) or the account could not be identified.</summary>
    public const int AwsFailure = ReplayCommand.AwsFailure;

    /// <summary>Runs <paramref name="work"/> on the account; <paramref name="check"/> may refuse the settings first.</summary>
    /// <param name="environment">The environment to read (tests); null reads the process environment.</param>
    /// <param name="ledger">A ledger to use instead of the one the settings name (tests).</param>
    public static async Task<OperatorResult<T>> RunAsync<T>(
        CliConsole console,
        string command,
        IReadOnlyDictionary<string, string>? environment,
        ILedger? ledger,
        Func<RemediatorSettings, string?> check,
        Func<OperatorHost, RemediatorSettings, Task<OperatorResult<T>>> work,
        CancellationToken cancellationToken)
        where T : class
    {
        IEnvironmentVariables variables = environment is null ? new ProcessEnvironmentVariables() : new InMemoryEnvironmentVariables(environment);
        SettingsResult settings = RemediatorSettingsReader.Read(variables);
        if (!settings.IsValid)
        {
            return Fail<T>(console, command, BadInput, settings.Describe());
        }

        if (check(settings.Settings!) is { } problem)
        {
            return Fail<T>(console, command, BadInput, problem);
        }

        AwsEnvironment aws = environment is null ? AwsEnvironment.FromProcess() : AwsEnvironment.FromDictionary(environment);
        try
        {
            using OperatorHost host = await OperatorHost.CreateAsync(aws, settings.Settings!, ledger, cancellationToken).ConfigureAwait(false);
            return await work(host, settings.Settings!).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or InvalidOperationException or InvalidDataException)
        {
            // Permissions, throttling that outlasted the retries, an unreachable endpoint, no region: one line to act on.
            return Fail<T>(console, command, AwsFailure, ex.Message);
        }
    }

    /// <summary>Writes the problem to stderr and returns a result that exits with <paramref name="exitCode"/>.</summary>
    public static OperatorResult<T> Fail<T>(CliConsole console, string command, int exitCode, string problem)
        where T : class =>
        OperatorResult<T>.Failed(console.Fail(command, exitCode, problem));
}
