using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// One invocation's pass over the findings of one batch: resolve each finding against the control plane
/// and group the findings by root cause (<see cref="LedgerKey"/>), then claim, verify and decide each root
/// cause once, wait the settle delay once if anything is to be written, re-check and write, and report.
/// Every finding ends with its root cause's outcome.
/// </summary>
internal sealed partial class InvocationPass
{
    private readonly EngineDependencies deps;
    private readonly RemediatorSettings settings;
    private readonly EngineOptions options;
    private readonly LogBatch batch;
    private readonly string owner;
    private readonly ControlPlaneReader reader;

    // Recommendations and tickets this pass published, by what they say (see NotificationKey).
    private readonly HashSet<string> notifiedThisPass = new(StringComparer.Ordinal);
    private int fixesThisInvocation;

    public InvocationPass(EngineDependencies deps, RemediatorSettings settings, EngineOptions options, LogBatch batch, string owner)
    {
        this.deps = deps;
        this.settings = settings;
        this.options = options;
        this.batch = batch;
        this.owner = owner;
        reader = new ControlPlaneReader(deps.RestApis, deps.V2Apis, deps.Lambda);
    }

    public async Task<IReadOnlyList<EngineOutcome>> RunAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var outcomes = new EngineOutcome[findings.Count];

        // Nothing is claimed while resolving, so a failure here leaves nothing to abandon.
        List<RootCauseWork> rootCauses = await GroupAsync(findings.Select((finding, i) => new FindingWork(finding, i)).ToList(), cancellationToken).ConfigureAwait(false);
        RootCauseWork? current = null;
        try
        {
            var pending = new List<RootCauseWork>();
            foreach (RootCauseWork rootCause in rootCauses)
            {
                current = rootCause;
                await AssessAsync(rootCause, cancellationToken).ConfigureAwait(false);
                if (IsPendingWrite(rootCause))
                {
                    pending.Add(rootCause);
                }
                else
                {
                    await FinishAsync(rootCause, outcomes, cancellationToken).ConfigureAwait(false);
                }
            }

            // One settle delay for the whole batch: the permission may just have been added by someone else,
            // and Lambda policies are eventually consistent. The re-read happens in ActAsync.
            if (pending.Count > 0 && settings.SettleDelay > TimeSpan.Zero)
            {
                current = null;
                await Task.Delay(settings.SettleDelay, deps.Time, cancellationToken).ConfigureAwait(false);
            }

            foreach (RootCauseWork rootCause in pending)
            {
                current = rootCause;
                await ActAsync(rootCause, cancellationToken).ConfigureAwait(false);
                await FinishAsync(rootCause, outcomes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // Leave the ledger as a retry needs it, then let the invocation fail so Lambda retries it.
            await AbandonAsync(rootCauses, current).ConfigureAwait(false);
            throw;
        }

        return outcomes;
    }

    private bool IsPendingWrite(RootCauseWork work) =>
        settings.Mode == RemediatorMode.Enforce
        && work.Lease is not null
        && work.Plan is not null
        && work.Decision is { Outcome: RemediationOutcome.Fixed, Reason: OutcomeReason.PermissionMissing }
        && !work.Wrote
        && !work.FixedEarlier;

    /// <summary>
    /// After a failure: the failing root cause records a failed pass (so repeated failures escalate), every
    /// other unfinished claim is released so the retry can take it at once.
    /// </summary>
    private async Task AbandonAsync(List<RootCauseWork> rootCauses, RootCauseWork? failed)
    {
        foreach (RootCauseWork work in rootCauses)
        {
            if (work.Finished || work.Lease is null)
            {
                continue;
            }

            try
            {
                if (ReferenceEquals(work, failed) && work.Record is not null)
                {
                    await deps.Ledger.TryCompleteAsync(work.Lease, LedgerOutcomes.Failed(work.Record.Outcome, work), CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await deps.Ledger.TryReleaseAsync(work.Lease, CancellationToken.None).ConfigureAwait(false);
                }
            }
#pragma warning disable CA1031 // The invocation is already failing with the original error; a ledger error must not replace it.
            catch (Exception)
#pragma warning restore CA1031
            {
                // The lease expires on its own; the retry claims it then.
            }
        }
    }
}
