using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Cli.Output;
using Remediator.Core.Configuration;
using Remediator.Core.Policy;

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
        if (ReadSettings(console, command, options, overrides, check) is not { } settings)
        {
            return OperatorResult<T>.Failed(ExitCodes.BadInput);
        }

        AwsEnvironment aws = Environment(options);
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

    /// <summary>How many targets of an account-wide run are worked on at once (each within its own account's quotas).</summary>
    public const int MaxParallelTargets = 8;

    /// <summary>
    /// Runs <paramref name="work"/> in every account × region of <paramref name="scope"/>: the operator's credentials assume
    /// the role in each account (official STS client, refreshed before expiry), the account STS then names must be the one
    /// asked for, and each target gets the services the Lambda would build there. Targets run in parallel
    /// (<see cref="MaxParallelTargets"/>); a target that fails is a row with its problem, never the end of the others.
    /// Unusable settings fail the whole run (<see cref="ExitCodes.BadInput"/>), as do the operator's own unusable credentials
    /// or region (<see cref="ExitCodes.AwsFailure"/>).
    /// </summary>
    public static async Task<OperatorResult<TargetRun<T>[]>> RunAcrossAsync<T>(
        CliConsole console,
        string command,
        OperatorOptions options,
        AccountScope scope,
        Func<RemediatorSettings, string?> check,
        Func<OperatorHost, RemediatorSettings, CliConsole, Task<OperatorResult<T>>> work,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (ReadSettings(console, command, options, overrides: null, check) is not { } settings)
        {
            return OperatorResult<TargetRun<T>[]>.Failed(ExitCodes.BadInput);
        }

        // Parallel targets share stderr; lines must not interleave.
        var shared = console with { Error = TextWriter.Synchronized(console.Error) };
        AwsEnvironment aws = Environment(options);
        AwsClients home;
        try
        {
            home = AwsClients.Create(aws, new AwsClientSettings(), options.Clock);
        }
        catch (Exception ex) when (AwsFailure.Is(ex, cancellationToken))
        {
            return OperatorResult<TargetRun<T>[]>.Failed(shared.Fail(command, ExitCodes.AwsFailure, ex.Message));
        }

        using (home)
        {
            string partition = AwsPartition.FromRegion(home.Region);
            IReadOnlyList<string> regions = scope.Regions ?? [home.Region];
            if (regions.FirstOrDefault(r => AwsPartition.FromRegion(r) != partition) is { } foreign)
            {
                return OperatorResult<TargetRun<T>[]>.Failed(
                    shared.Fail(command, ExitCodes.BadInput, $"--regions: {foreign} is not in the partition of the current region {home.Region} ({partition})"));
            }

            (string Account, string Region)[] targets = [.. scope.Accounts.SelectMany(account => regions.Select(region => (account, region)))];
            var runs = new TargetRun<T>[targets.Length];
            string stsUrl = home.Endpoints.Resolve(AwsService.Sts, home.Region).ToString();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, targets.Length),
                new ParallelOptions { MaxDegreeOfParallelism = MaxParallelTargets, CancellationToken = cancellationToken },
                async (i, ct) => runs[i] = await RunTargetAsync(shared, command, options, settings, aws, home, stsUrl, scope.RoleArn(partition, targets[i].Account), targets[i], work, ct).ConfigureAwait(false))
                .ConfigureAwait(false);
            return OperatorResult<TargetRun<T>[]>.Done(runs);
        }
    }

    private static async Task<TargetRun<T>> RunTargetAsync<T>(
        CliConsole console,
        string command,
        OperatorOptions options,
        RemediatorSettings settings,
        AwsEnvironment aws,
        AwsClients home,
        string stsUrl,
        string roleArn,
        (string Account, string Region) target,
        Func<OperatorHost, RemediatorSettings, CliConsole, Task<OperatorResult<T>>> work,
        CancellationToken cancellationToken)
        where T : class
    {
        var retry = new AwsClientSettings().Retry;
        using var assumed = new AssumedRoleCredentialsProvider(home.Credentials, RemediatorServices.StsClientConfig(stsUrl, home.Region, retry), roleArn, $"remediator-{command}");
        using var credentials = new RefreshingCredentialsProvider(assumed, options.Clock);
        try
        {
            RemediatorServices services = RemediatorServices.Create(
                settings,
                aws,
                options.Clock,
                new StandardErrorLogSink(console.Error),
                new AwsClientSettings { Credentials = credentials, Region = target.Region },
                options.Ledger);
            using OperatorHost host = await OperatorHost.CreateAsync(services, cancellationToken).ConfigureAwait(false);
            if (host.AccountId != target.Account)
            {
                // Never act on an account other than the one asked for, whatever the role's credentials reach.
                return TargetRun<T>.Failed(target, ExitCodes.AwsFailure, $"{roleArn} acts in account {host.AccountId}, not {target.Account}");
            }

            OperatorResult<T> result = await work(host, settings, console).ConfigureAwait(false);
            return result.Value is { } value
                ? new TargetRun<T>(target.Account, target.Region, value, ExitCodes.Success, null)
                : TargetRun<T>.Failed(target, result.ExitCode, result.Problem ?? $"exit {result.ExitCode}");
        }
        catch (Exception ex) when (AwsFailure.Is(ex, cancellationToken))
        {
            string problem = $"{target.Account} {target.Region}: {ex.Message}";
            console.Fail(command, ExitCodes.AwsFailure, problem);
            return TargetRun<T>.Failed(target, ExitCodes.AwsFailure, ex.Message);
        }
    }

    private static RemediatorSettings? ReadSettings(
        CliConsole console, string command, OperatorOptions options, IReadOnlyDictionary<string, string>? overrides, Func<RemediatorSettings, string?> check)
    {
        IEnvironmentVariables variables = options.Environment is null
            ? new ProcessEnvironmentVariables()
            : new InMemoryEnvironmentVariables(options.Environment);
        SettingsResult read = RemediatorSettingsReader.Read(variables, overrides);
        if (!read.IsValid)
        {
            console.Fail(command, ExitCodes.BadInput, read.Describe());
            return null;
        }

        foreach (SettingsError warning in read.Warnings)
        {
            console.Error.WriteLine($"remediator {command}: warning: {warning}");
        }

        if (check(read.Settings!) is { } problem)
        {
            console.Fail(command, ExitCodes.BadInput, problem);
            return null;
        }

        return read.Settings;
    }

    private static AwsEnvironment Environment(OperatorOptions options) =>
        options.Environment is null ? AwsEnvironment.FromProcess() : AwsEnvironment.FromDictionary(options.Environment);

    /// <summary>Writes the problem to stderr and returns a result that exits with <paramref name="exitCode"/>.</summary>
    public static OperatorResult<T> Fail<T>(CliConsole console, string command, int exitCode, string problem)
        where T : class =>
        OperatorResult<T>.Failed(console.Fail(command, exitCode, problem), problem);
}

/// <summary>One account × region of an account-wide run: its result, or the exit code and problem it failed with.</summary>
internal sealed record TargetRun<T>(string Account, string Region, T? Value, int ExitCode, string? Error)
    where T : class
{
    public static TargetRun<T> Failed((string Account, string Region) target, int exitCode, string problem) =>
        new(target.Account, target.Region, null, exitCode, problem);
}
