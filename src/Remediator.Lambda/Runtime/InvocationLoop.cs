using Remediator.Core.Configuration;
using Remediator.Core.Observability;

namespace Remediator.Lambda.Runtime;

/// <summary>The Runtime API loop: get next, handle, send the response or the error, clean up.</summary>
public sealed class InvocationLoop
{
    private readonly IRuntimeApiClient _client;
    private readonly IInvocationHandler _handler;
    private readonly DeadlinePolicy _deadlines;
    private readonly IEnvironmentVariables _environment;
    private readonly ILogSink _log;

    /// <summary>Creates the loop.</summary>
    public InvocationLoop(
        IRuntimeApiClient client,
        IInvocationHandler handler,
        DeadlinePolicy deadlines,
        IEnvironmentVariables environment,
        ILogSink log)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(log);
        _client = client;
        _handler = handler;
        _deadlines = deadlines;
        _environment = environment;
        _log = log;
    }

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled (then returns normally).
    /// A Runtime API failure ends the loop with its exception: the process should exit so Lambda
    /// replaces the environment.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                Invocation invocation = await _client.GetNextInvocationAsync(stoppingToken).ConfigureAwait(false);
                await InvokeAsync(invocation, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (SIGTERM or test teardown) is a normal end.
        }
    }

    /// <summary>Handles one invocation and reports its result.</summary>
    internal async Task InvokeAsync(Invocation invocation, CancellationToken stoppingToken)
    {
        DeadlineBudget budget = _deadlines.BudgetFor(invocation);
        using CancellationTokenSource deadline = budget.CreateCancellationSource();
        using CancellationTokenSource reportBy = budget.CreateReportCancellationSource();
        using var invocationScope = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        _environment.Set(RuntimeApiConstants.TraceIdVariable, invocation.TraceId);
        try
        {
            ReadOnlyMemory<byte> response = default;
            RuntimeError? error = null;
            Task<ReadOnlyMemory<byte>>? handling = null;
            try
            {
                // The failure is reported by the deadline even if the handler does not stop when asked (a call that
                // ignores its token): Lambda must see an error, not a timeout, to retry the event.
                handling = _handler.HandleAsync(invocation, invocationScope.Token);
                response = await handling.WaitAsync(reportBy.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                error = RuntimeError.DeadlineExceeded(budget);
                if (handling is { IsCompleted: false })
                {
                    Abandon(handling, invocation.RequestId);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The one boundary for handler failures: whatever went wrong, this invocation fails (so
                // Lambda retries the event) and the loop goes on with the next one. Only a cancellation
                // caused by stopping passes through, to end the loop.
                error = RuntimeError.FromException(exception);
            }

            if (error is null)
            {
                await _client.SendResponseAsync(invocation.RequestId, response, stoppingToken).ConfigureAwait(false);
            }
            else
            {
                _log.WriteLine(StructuredLogFormatter.Format(new RuntimeLogEntry(
                    _deadlines.Clock.GetUtcNow(), LogLevel.Error, invocation.RequestId,
                    $"Invocation failed: {error.ErrorMessage}", error.ErrorType)));
                await _client.SendErrorAsync(invocation.RequestId, error, stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // The trace id belongs to this invocation only; never let it label work done after it.
            _environment.Set(RuntimeApiConstants.TraceIdVariable, null);
        }
    }

    // A handler still running at the report deadline is left to finish on its own (its leases expire if it never
    // does); its eventual failure is observed, never rethrown.
    private void Abandon(Task handling, string requestId)
    {
        _log.WriteLine(StructuredLogFormatter.Format(new RuntimeLogEntry(
            _deadlines.Clock.GetUtcNow(), LogLevel.Error, requestId,
            "The handler did not stop by the deadline; the failure is reported without waiting for it.", RuntimeApiConstants.DeadlineExceededErrorType)));
        _ = handling.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
