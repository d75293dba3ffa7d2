using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// One invocation's way through the findings of one batch, top to bottom: resolve each finding → check where its
/// lines come from → group them into root causes → claim and assess each root cause → prove ownership → apply
/// the mode → write what is due → report (and, when this pass owes it, the notification cap's summary). Every finding ends
/// with its root cause's outcome (docs/ARCHITECTURE.md, "Engine pipeline").
/// </summary>
internal sealed class InvocationPipeline
{
    private readonly EngineDependencies deps;
    private readonly RemediatorSettings settings;
    private readonly EngineOptions options;
    private readonly ControlPlaneReader reader;
    private readonly PassLeases leases;
    private readonly AssessStage assess;
    private readonly OwnershipStage ownership;
    private readonly WriteStage write;
    private readonly ReportStage report;
    private readonly OwedSweep owed;

    /// <summary>A pass over the findings of <paramref name="logGroup"/>'s batch, or (null) of an audit an EventBridge event asked for.</summary>
    /// <param name="digest">True when one digest tells people about the whole pass (the scheduled sweep): no notification per root cause.</param>
    /// <param name="aliases">The account's alias, read once per process for the notifications.</param>
    public InvocationPipeline(
        EngineDependencies deps, RemediatorSettings settings, EngineOptions options, AccountAliasLookup aliases, string? logGroup, string invocationId, bool digest = false)
    {
        this.deps = deps;
        this.settings = settings;
        this.options = options;

        // One reader per invocation: its reads are memoised for the pass, so a storm of paths of one method
        // costs the reads of one path.
        reader = new ControlPlaneReader(deps.RestApis, deps.V2Apis, deps.Lambda);
        leases = new PassLeases(deps.Ledger, invocationId, options, deps.Time);
        assess = new AssessStage(settings, leases, new TargetJudge(deps, settings, reader), new Guardrails(settings, options, reader));
        ownership = new OwnershipStage(settings, reader);
        write = new WriteStage(deps, options, leases, new FixAllowance(deps.Ledger, settings));
        report = new ReportStage(deps, settings, options, leases, logGroup, digest, new OwnerLookup(settings, options, reader), aliases);
        owed = new OwedSweep(deps, options, leases);
    }

    /// <summary>One outcome per finding of <paramref name="batch"/>, in finding order. Transient failures propagate after the ledger is left as a retry needs it.</summary>
    public async Task<IReadOnlyList<EngineOutcome>> RunAsync(LogBatch batch, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        // Nothing is claimed while resolving, so a failure here leaves nothing to abandon.
        IReadOnlyList<RootCause> rootCauses = await GroupAsync(batch, findings, cancellationToken).ConfigureAwait(false);
        return await SettleAsync(rootCauses, findings.Count, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One outcome per finding whose target the control plane already resolved (an audit's), in order: from the
    /// claim on, the same stages as a logged failure's (docs/ARCHITECTURE.md, "Healing ahead of failures").
    /// </summary>
    public Task<IReadOnlyList<EngineOutcome>> RunAsync(IReadOnlyList<ResolvedFinding> resolved, CancellationToken cancellationToken) =>
        SettleAsync(RootCauseGrouper.Group(resolved, options.MaxRootCausesPerInvocation), resolved.Count, cancellationToken);

    private async Task<IReadOnlyList<EngineOutcome>> SettleAsync(IReadOnlyList<RootCause> rootCauses, int count, CancellationToken cancellationToken)
    {
        var outcomes = new EngineOutcome[count];
        string? current = null;
        try
        {
            var due = new List<Assessment>();
            foreach (RootCause rootCause in rootCauses)
            {
                current = rootCause.Key;
                Assessment assessed = await assess.AssessAsync(rootCause, cancellationToken).ConfigureAwait(false);
                Assessment assessment = await ownership.CheckAsync(assessed, cancellationToken).ConfigureAwait(false);

                // The mode is applied here and only here: observe and recommend never reach the write stage.
                Decision decided = ModeRules.Apply(settings.Mode, assessment.Decision);
                if (assessment.IsWriteDue(decided))
                {
                    due.Add(assessment);
                    continue;
                }

                Place(outcomes, rootCause, await report.ReportAsync(WriteResult.NotDue(assessment, decided), cancellationToken).ConfigureAwait(false));
            }

            // One settle delay for the whole batch: the permission may just have been added by someone else, and
            // Lambda policies are eventually consistent. The write is conditional on the RevisionId read, or reads
            // the policy again where there was none.
            bool waited = due.Count > 0 && settings.SettleDelay > TimeSpan.Zero;
            if (waited)
            {
                current = null;
                await Task.Delay(settings.SettleDelay, deps.Time, cancellationToken).ConfigureAwait(false);
            }

            foreach (Assessment assessment in due)
            {
                current = assessment.RootCause.Key;
                WriteResult written = await write.WriteAsync(assessment, waited, cancellationToken).ConfigureAwait(false);
                Place(outcomes, assessment.RootCause, await report.ReportAsync(written, cancellationToken).ConfigureAwait(false));
            }

            // Every root cause is recorded by now; the cap's summary counts what this pass held back too.
            current = null;
            await report.SummarizeAsync(cancellationToken).ConfigureAwait(false);

            // What earlier passes owe, whatever this batch was about (a healed root cause may never fail again).
            await owed.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Leave the ledger as a retry needs it, then let the invocation fail so Lambda retries it.
            await leases.AbandonAsync(current, e, cancellationToken).ConfigureAwait(false);
            throw;
        }

        return outcomes;
    }

    private async Task<IReadOnlyList<RootCause>> GroupAsync(LogBatch batch, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        if (!string.Equals(batch.Owner, options.AccountId, StringComparison.Ordinal))
        {
            Decision foreign = Decision.Ignored(OutcomeReason.ForeignAccount, $"the log events belong to account {batch.Owner}, and Remediator runs in {options.AccountId}");
            return RootCauseGrouper.Settle(findings.Select((finding, i) => ResolvedFinding.Unresolved(finding, i)).ToArray(), foreign);
        }

        var resolve = new ResolveStage(deps, settings, options, reader, batch);
        var logSource = new LogSourceStage(options, reader, batch);
        var resolved = new ResolvedFinding[findings.Count];
        for (int i = 0; i < findings.Count; i++)
        {
            ResolvedFinding finding = await resolve.ResolveAsync(findings[i], i, cancellationToken).ConfigureAwait(false);
            resolved[i] = await logSource.CheckAsync(finding, cancellationToken).ConfigureAwait(false);
        }

        return RootCauseGrouper.Group(resolved, options.MaxRootCausesPerInvocation);
    }

    private static void Place(EngineOutcome[] outcomes, RootCause rootCause, IReadOnlyList<EngineOutcome> reported)
    {
        for (int i = 0; i < rootCause.Members.Count; i++)
        {
            outcomes[rootCause.Members[i].Index] = reported[i];
        }
    }
}
