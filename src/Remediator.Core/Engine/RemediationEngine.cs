using System.Text;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Notifications;

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
    private readonly AccountAliasLookup aliases;

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
        aliases = new AccountAliasLookup(dependencies.Iam, dependencies.Time);
    }

    /// <summary>
    /// Processes a Lambda input: a subscription payload (<c>{"awslogs":{"data":...}}</c>), a decoded subscription
    /// message, or an EventBridge event (a CloudTrail record of an API Gateway change, or the sweep's schedule).
    /// </summary>
    /// <param name="payload">The invocation's input, as received.</param>
    /// <param name="invocationId">Unique per invocation (the Lambda request id; a retry reuses it and so takes back its claims).</param>
    public Task<EngineResult> ProcessAsync(string payload, string invocationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.Length <= IntakeLimits.MaxPayloadBytes && payload.Contains("\"detail-type\"", StringComparison.Ordinal)
            ? ProcessAsync(Encoding.UTF8.GetBytes(payload), invocationId, cancellationToken)
            : ProcessAsync(SubscriptionPayloadDecoder.Decode(payload), invocationId, cancellationToken);
    }

    /// <summary>Processes a Lambda input given as UTF-8 bytes (the Runtime API's invocation body).</summary>
    public Task<EngineResult> ProcessAsync(ReadOnlyMemory<byte> payload, string invocationId, CancellationToken cancellationToken)
    {
        if (!EventBridgeEventReader.IsEventBridgeEvent(payload.Span))
        {
            return ProcessAsync(SubscriptionPayloadDecoder.Decode(payload.Span), invocationId, cancellationToken);
        }

        Result<ControlPlaneEvent, IntakeError> read = EventBridgeEventReader.Read(payload.Span);
        return read.IsSuccess ? ProcessAsync(read.Value, invocationId, cancellationToken) : Refuse(read.Error, invocationId);
    }

    /// <summary>
    /// Audits what an EventBridge event names (docs/ARCHITECTURE.md, "Healing ahead of failures"): the API and stage
    /// a CloudTrail record says changed, or for the schedule every API of the region, then settles each target no
    /// policy allows as a logged failure of it would be settled. The schedule's pass ends in one digest notification.
    /// </summary>
    public async Task<EngineResult> ProcessAsync(ControlPlaneEvent trigger, string invocationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentException.ThrowIfNullOrEmpty(invocationId);
        long started = deps.Time.GetTimestamp();
        string seen = trigger.Describe();
        IReadOnlyList<EngineOutcome> outcomes;
        if (!string.Equals(trigger.Account, options.AccountId, StringComparison.Ordinal) || !string.Equals(trigger.Region, options.Region, StringComparison.Ordinal))
        {
            outcomes = [Settled(OutcomeReason.ForeignAccount, $"the event happened in account {trigger.Account}, region {trigger.Region}; Remediator runs in {options.AccountId}, {options.Region}", seen)];
        }
        else if (trigger.ErrorCode is { } error)
        {
            outcomes = [Settled(OutcomeReason.NothingToFix, $"the call failed ({error}) and changed nothing", seen)];
        }
        else if (!trigger.ChangesWhatStagesServe)
        {
            // REST integration and authorizer edits change the draft; the stage serves them only after a deployment.
            outcomes = [Settled(OutcomeReason.NothingToFix, $"{trigger.EventName} does not change what a stage serves", seen)];
        }
        else
        {
            outcomes = await AuditAsync(trigger, invocationId, cancellationToken).ConfigureAwait(false);
        }

        outcomes = [.. outcomes.Select(outcome => outcome with { Trigger = seen })];
        var result = new EngineResult(outcomes, default, 1, null);
        log.Write(result, invocationId, deps.Time.GetElapsedTime(started));
        return result;
    }

    private async Task<IReadOnlyList<EngineOutcome>> AuditAsync(ControlPlaneEvent trigger, string invocationId, CancellationToken cancellationToken)
    {
        Result<AuditedEvent, string> audited = await new ControlPlaneAudit(deps, settings, options).AuditAsync(trigger, cancellationToken).ConfigureAwait(false);
        if (!audited.IsSuccess)
        {
            return [Settled(OutcomeReason.NothingToFix, $"nothing to audit: {audited.Error}", trigger.Describe())];
        }

        bool sweep = trigger.Kind == ControlPlaneEventKind.Schedule;
        var pipeline = new InvocationPipeline(deps, settings, options, aliases, logGroup: null, invocationId, digest: sweep);
        IReadOnlyList<EngineOutcome> outcomes = await pipeline.RunAsync(audited.Value.Findings, cancellationToken).ConfigureAwait(false);
        if (sweep && settings.TopicArn is { } topic && deps.Notifications is { } notifications)
        {
            // The digest is the pass's one message; if it cannot be sent the invocation fails and Lambda retries it
            // (each root cause is recorded already, so the retry finds them settled).
            var digest = new SweepDigest(trigger.EventId, trigger.Time, options.AccountId, options.Region, audited.Value.Report, outcomes)
            {
                StartedAfter = audited.Value.StartedAfter,
                AccountAlias = await aliases.AliasAsync(cancellationToken).ConfigureAwait(false),
            };
            await notifications.PublishAsync(SweepDigestFormatter.Format(digest).ToSnsMessage(topic, NotificationKey.ForDigest(trigger.EventId, audited.Value.StartedAfter)), cancellationToken).ConfigureAwait(false);
        }

        if (sweep)
        {
            // Only a pass that settled and reported its slice moves the cursor; a failed one is retried on the same slice.
            await deps.Ledger.SetSweepCursorAsync(audited.Value.Report.ResumeAfter, cancellationToken).ConfigureAwait(false);
        }

        if (outcomes.Count > 0)
        {
            return outcomes;
        }

        var report = audited.Value.Report;
        int blocking = report.Entries.Count(e => Audit.AuditClassifier.Blocks(e.Status));
        return [Settled(
            OutcomeReason.NothingToFix,
            $"{report.Entries.Count} Lambda target(s) on {report.Stages} stage(s) of {report.Apis} API(s) audited: none lacks a permission Remediator may add"
            + (blocking == 0 ? string.Empty : $"; {blocking} fail for reasons a grant does not cure (see remediator audit)"),
            trigger.Describe())];
    }

    private EngineOutcome Settled(OutcomeReason reason, string detail, string seen) => new()
    {
        Outcome = RemediationOutcome.Ignored,
        Reason = reason,
        Detail = detail,
        AccountId = options.AccountId,
        Region = options.Region,
        Trigger = seen,
    };

    private Task<EngineResult> Refuse(IntakeError error, string invocationId)
    {
        var refused = new EngineResult([OutcomeFactory.InvalidPayload(error, options)], default, 0, error);
        log.Write(refused, invocationId);
        return Task.FromResult(refused);
    }

    private Task<EngineResult> ProcessAsync(IntakeResult intake, string invocationId, CancellationToken cancellationToken)
    {
        if (intake.IsSuccess)
        {
            return ProcessAsync(intake.Batch, invocationId, cancellationToken);
        }

        // One outcome says why; the host decides whether to fail the invocation so the payload reaches the DLQ.
        return Refuse(intake.Error, invocationId);
    }

    /// <summary>Processes a decoded batch.</summary>
    public async Task<EngineResult> ProcessAsync(LogBatch batch, string invocationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrEmpty(invocationId);
        long started = deps.Time.GetTimestamp();
        DiagnosisResult diagnosis = Diagnoser.Diagnose(batch);
        var pipeline = new InvocationPipeline(deps, settings, options, aliases, batch.LogGroup, invocationId);
        IReadOnlyList<EngineOutcome> outcomes = await pipeline.RunAsync(batch, diagnosis.Findings, cancellationToken).ConfigureAwait(false);
        if (batch.Undecodable.Count > 0)
        {
            outcomes = [.. outcomes, .. batch.Undecodable.Select(e => OutcomeFactory.Undecodable(e, options, batch.LogGroup))];
        }

        var result = new EngineResult(outcomes, diagnosis.Dispositions, diagnosis.EventsRead, null);
        log.Write(result, invocationId, deps.Time.GetElapsedTime(started));
        return result;
    }
}
