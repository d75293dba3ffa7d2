using System.Text.Json;
using Remediator.Aws.Composition;
using Remediator.Core.Configuration;
using Remediator.Core.Engine;
using Remediator.Lambda.Runtime;

namespace Remediator.Lambda.Handling;

/// <summary>
/// The Lambda's invocation handler: runs the remediation engine on the subscription payload and answers
/// with an <see cref="InvocationSummary"/>. The engine writes one JSON log line per outcome and the EMF
/// metric documents itself. Transient failures propagate, so the invocation fails and Lambda retries it;
/// so does a deadline too close to finish (before any work) or reached (through the token). An unusable
/// payload fails too (<see cref="InvalidPayloadException"/>), after its one outcome is logged, so the
/// on-failure destination keeps it.
/// Build it with <see cref="RemediationHandlerFactory"/>; the CLI demo uses the same class.
/// </summary>
public sealed class RemediationHandler : IInvocationHandler, IAsyncDisposable
{
    /// <summary>Time one AWS call with its retries may take; an invocation starts only with the settle
    /// delay plus this much left, so it never begins work it cannot finish.</summary>
    public static readonly TimeSpan CallAllowance = TimeSpan.FromSeconds(3);

    private readonly EngineSource _engines;
    private readonly RemediatorSettings _settings;
    private readonly DeadlinePolicy _deadlines;

    internal RemediationHandler(EngineSource engines, RemediatorSettings settings, DeadlinePolicy deadlines, RemediatorServices services)
    {
        _engines = engines;
        _settings = settings;
        _deadlines = deadlines;
        Services = services;
    }

    /// <summary>What the handler was composed of; disposed with it.</summary>
    internal RemediatorServices Services { get; }

    /// <inheritdoc />
    public async Task<ReadOnlyMemory<byte>> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        InvocationSummary summary = await ProcessAsync(invocation, cancellationToken).ConfigureAwait(false);
        return InvocationSummaryWriter.ToUtf8(summary);
    }

    /// <summary>As <see cref="HandleAsync"/>, returning the summary as a value.</summary>
    public async Task<InvocationSummary> ProcessAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        DeadlineBudget budget = _deadlines.BudgetFor(invocation);
        TimeSpan needed = _settings.SettleDelay + CallAllowance;
        if (!budget.HasTimeFor(needed))
        {
            throw new TimeoutException(
                $"Only {budget.Remaining.TotalMilliseconds:0} ms left before the deadline, {needed.TotalMilliseconds:0} ms needed: "
                + "not starting, so Lambda retries the event.");
        }

        RemediationEngine engine = await _engines.GetAsync(invocation.FunctionArn, cancellationToken).ConfigureAwait(false);
        EngineResult result = await engine.ProcessAsync(invocation.Payload, invocation.RequestId, cancellationToken).ConfigureAwait(false);
        if (result.IntakeError is { } refused)
        {
            // The engine logged the outcome; failing hands the original payload to the on-failure destination.
            throw new InvalidPayloadException(refused);
        }

        return InvocationSummary.From(result, invocation.RequestId, _settings.Mode);
    }

    /// <summary>Reads a response written by <see cref="HandleAsync"/>.</summary>
    public static InvocationSummary ParseResponse(ReadOnlySpan<byte> response) =>
        JsonSerializer.Deserialize(response, ResponseJson.Context.InvocationSummary)
        ?? throw new JsonException("The response is JSON null, not an invocation summary.");

    /// <summary>Serializer metadata for reading responses, built on first use: the Lambda never reads one.</summary>
    internal static class ResponseJson
    {
        public static readonly HandlingJsonContext Context = new(InvocationSummaryWriter.Options);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Services.Dispose();
        return ValueTask.CompletedTask;
    }
}
