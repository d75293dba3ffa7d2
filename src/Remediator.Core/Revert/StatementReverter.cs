using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Revert;

/// <summary>
/// Reverts one statement: takes the ledger records that track it (so no engine pass races the revert), removes
/// it if it is Remediator's, then marks the records reverted. A dry run reads and judges only.
/// </summary>
internal sealed class StatementReverter(ILedger ledger, StatementRemover remover, PolicyInspector policies)
{
    /// <summary>The result of reverting <paramref name="candidate"/> as <paramref name="request"/> asks; every lease it took is given back.</summary>
    public async Task<RevertResult> RevertAsync(RevertCandidate candidate, RevertRequest request, CancellationToken cancellationToken)
    {
        if (!StatementIdFactory.IsRemediatorStatementId(candidate.StatementId))
        {
            return candidate.Result(RevertStatus.Refused, $"{candidate.StatementId} is not a statement id Remediator creates; Remediator never removes statements it did not add");
        }

        if (request.DryRun)
        {
            Inspection inspection = await policies.InspectAsync(candidate, cancellationToken).ConfigureAwait(false);
            return inspection.Final ?? candidate.Result(RevertStatus.WouldRevert, $"would remove statement {candidate.StatementId} (policy revision {inspection.RevisionId})");
        }

        var leases = new List<(LedgerLease Lease, LedgerRecord Record)>();
        try
        {
            foreach (LedgerRecord record in candidate.Records)
            {
                ClaimResult claim = await ledger.ClaimAsync(new ClaimRequest(record.Key, request.Owner, Reverter.LeaseDuration), cancellationToken).ConfigureAwait(false);
                if (claim.Lease is not { } lease)
                {
                    return candidate.Result(RevertStatus.Busy, $"Remediator invocation {claim.Record.Lease?.Holder} is working on ledger record {record.Key}; nothing was removed, try again");
                }

                leases.Add((lease, claim.Record));
                if (!RevertCandidate.Same(claim.Record.Outcome.Fix, candidate.Function, candidate.StatementId))
                {
                    return candidate.Result(RevertStatus.Conflict, $"ledger record {record.Key} no longer tracks statement {candidate.StatementId}; nothing was removed, run the revert again");
                }
            }

            RevertResult removed = await remover.RemoveAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (!removed.Succeeded || leases.Count == 0)
            {
                return removed;
            }

            bool recorded = true;
            foreach ((LedgerLease lease, LedgerRecord record) in leases)
            {
                recorded &= await ledger.TryCompleteAsync(lease, RevertLedger.Reverted(record.Outcome), cancellationToken).ConfigureAwait(false);
            }

            leases.Clear();
            return recorded
                ? removed with { LedgerUpdated = true }
                : removed with { Detail = removed.Detail + "; the ledger lease ran out before the revert was recorded" };
        }
        finally
        {
            await ReleaseAsync(leases, cancellationToken).ConfigureAwait(false);
        }
    }

    // The revert is failing already (or the operator stopped it: then nothing waits); a lease that cannot be
    // released expires on its own.
    private async Task ReleaseAsync(List<(LedgerLease Lease, LedgerRecord Record)> leases, CancellationToken cancellationToken)
    {
        foreach ((LedgerLease lease, _) in leases)
        {
            try
            {
                await ledger.TryReleaseAsync(lease, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Releasing is best effort: it must not replace the error or the result being returned.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
