using Remediator.Core.Configuration;
using Remediator.Core.Observability;
using Remediator.Lambda.Runtime;

namespace Remediator.Lambda.Hosting;

/// <summary>The composition root of the Lambda entry point: settings, handler, loop.</summary>
public static class LambdaHost
{
    /// <summary>Exit code after a normal stop.</summary>
    public const int Stopped = 0;

    /// <summary>Exit code after an init error or a Runtime API failure; Lambda replaces the environment.</summary>
    public const int Failed = 1;

    /// <summary>Exit code when there is no Runtime API to talk to (not running inside Lambda).</summary>
    public const int NoRuntimeApi = 2;

    /// <summary>Reads the settings, builds the handler with <paramref name="handlerFactory"/> and runs
    /// the invocation loop against <c>$AWS_LAMBDA_RUNTIME_API</c> until <paramref name="stoppingToken"/>
    /// is cancelled. Invalid settings or a failing factory are reported to <c>/runtime/init/error</c>.</summary>
    public static async Task<int> RunAsync(
        IEnvironmentVariables environment,
        TimeProvider clock,
        ILogSink log,
        Func<HandlerContext, IInvocationHandler> handlerFactory,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(log);
        string? address = environment.Get(RuntimeApiConstants.RuntimeApiVariable);
        if (string.IsNullOrWhiteSpace(address))
        {
            Write(log, clock, LogLevel.Error,
                $"{RuntimeApiConstants.RuntimeApiVariable} is not set: this program runs inside AWS Lambda or against a Runtime API emulator.");
            return NoRuntimeApi;
        }

        using HttpClient http = RuntimeApiClient.CreateHttpClient();
        var client = new RuntimeApiClient(http, address);
        return await RunAsync(client, environment, clock, log, handlerFactory, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>As above, over any Runtime API client.</summary>
    public static async Task<int> RunAsync(
        IRuntimeApiClient client,
        IEnvironmentVariables environment,
        TimeProvider clock,
        ILogSink log,
        Func<HandlerContext, IInvocationHandler> handlerFactory,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(handlerFactory);

        SettingsResult settings = RemediatorSettingsReader.Read(environment);
        if (!settings.IsValid)
        {
            return await FailInitAsync(client, clock, log, RuntimeError.ConfigInvalid(settings.Describe()), stoppingToken)
                .ConfigureAwait(false);
        }

        // A setting that weakens a safety rule (REMEDIATOR_OWNERSHIP=none) is said at every start.
        foreach (SettingsError warning in settings.Warnings)
        {
            Write(log, clock, LogLevel.Warn, warning.ToString());
        }

        var deadlines = new DeadlinePolicy(clock, DeadlinePolicy.DefaultSafetyMargin);
        IInvocationHandler handler;
        try
        {
            handler = handlerFactory(new HandlerContext(settings.Settings!, environment, clock, log, deadlines));
        }
        catch (Exception exception)
        {
            // Init boundary: any failure to build the handler is reported to Lambda as an init error.
            return await FailInitAsync(client, clock, log, RuntimeError.FromException(exception), stoppingToken)
                .ConfigureAwait(false);
        }

        try
        {
            var loop = new InvocationLoop(client, handler, deadlines, environment, log);
            await loop.RunAsync(stoppingToken).ConfigureAwait(false);
            return Stopped;
        }
        catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException)
        {
            Write(log, clock, LogLevel.Error, "Runtime API failure, exiting: " + exception.Message);
            return Failed;
        }
        finally
        {
            if (handler is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> FailInitAsync(
        IRuntimeApiClient client, TimeProvider clock, ILogSink log, RuntimeError error, CancellationToken stoppingToken)
    {
        Write(log, clock, LogLevel.Error, "Init failed: " + error.ErrorMessage, error.ErrorType);
        try
        {
            await client.SendInitErrorAsync(error, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException)
        {
            Write(log, clock, LogLevel.Error, "Could not report the init error: " + exception.Message);
        }

        return Failed;
    }

    private static void Write(ILogSink log, TimeProvider clock, LogLevel level, string message, string? errorType = null) =>
        log.WriteLine(StructuredLogFormatter.Format(new RuntimeLogEntry(clock.GetUtcNow(), level, null, message, errorType)));
}
