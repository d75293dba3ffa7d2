using Remediator.Core.Configuration;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;

namespace Remediator.Core.Engine;

/// <summary>
/// Remediator's pipeline for one invocation: intake → diagnose → verify → decide → act → report
/// (docs/ARCHITECTURE.md, "Flow"). Expected outcomes are values in the result; transient AWS failures that outlast the
/// clients' retries propagate, so the invocation fails and Lambda retries it (the ledger makes the retry
/// safe: claims, deterministic statement ids, notifications sent once).
/// </summary>
public sealed class RemediationEngine
{
    private readonly EngineDependencies deps;
    private readonly RemediatorSettings settings;
    private readonly EngineOptions options;
    private readonly ResultLog log;

    /// <summary>Creates the engine; build it once per process and call it per invocation.</summary>
    public RemediationEngine(EngineDependencies dependencies, RemediatorSettings settings, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxWriteAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRootCausesPerInvocation, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LeaseDuration, TimeSpan.Zero);
        deps = dependencies;
        this.settings = settings;
        this.options = options;
        log = new ResultLog(dependencies.LogSink, dependencies.Time, settings.Mode);
    }

    /// <summary>Processes a Lambda input (<c>{"awslogs":{"data":...}}</c>) or a decoded subscription message.</summary>
    /// <param name="payload">The invocation's input, as received.</param>
    /// <param name="invocationId">Unique per invocation (the Lambda request id; a retry reuses it and so takes back its claims).</param>
    public Task<EngineResult> ProcessAsync(string payload, string invocationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return ProcessAsync(SubscriptionPayloadDecoder.Decode(payload), invocationId, cancellationToken);
    }

    /// <summary>Processes a Lambda input given as UTF-8 bytes (the Runtime API's invocation body).</summary>
    public Task<EngineResult> ProcessAsync(ReadOnlyMemory<byte> payload, string invocationId, CancellationToken cancellationToken) =>
        ProcessAsync(SubscriptionPayloadDecoder.Decode(payload.Span), invocationId, cancellationToken);

    private Task<EngineResult> ProcessAsync(IntakeResult intake, string invocationId, CancellationToken cancellationToken)
    {
        if (intake.IsSuccess)
        {
            return ProcessAsync(intake.Batch, invocationId, cancellationToken);
        }

        // One outcome says why; the host decides whether to fail the invocation so the payload reaches the DLQ.
        var refused = new EngineResult([OutcomeFactory.InvalidPayload(intake.Error, options)], default, 0, intake.Error);
        log.Write(refused, invocationId);
        return Task.FromResult(refused);
    }

    /// <summary>Processes a decoded batch.</summary>
    public async Task<EngineResult> ProcessAsync(LogBatch batch, string invocationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrEmpty(invocationId);
        long started = deps.Time.GetTimestamp();
        DiagnosisResult diagnosis = Diagnoser.Diagnose(batch);
        var pipeline = new InvocationPipeline(deps, settings, options, batch, invocationId);
        IReadOnlyList<EngineOutcome> outcomes = await pipeline.RunAsync(diagnosis.Findings, cancellationToken).ConfigureAwait(false);
        if (batch.Undecodable.Count > 0)
        {
            outcomes = [.. outcomes, .. batch.Undecodable.Select(e => OutcomeFactory.Undecodable(e, options, batch.LogGroup))];
        }

        var result = new EngineResult(outcomes, diagnosis.Dispositions, diagnosis.EventsRead, null);
        log.Write(result, invocationId, deps.Time.GetElapsedTime(started));
        return result;
    }
}
