using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>
/// The leases one pass holds, and the only code that takes, completes or gives them up: whatever a pass
/// leaves unfinished when it fails is recorded or released here, so a retry finds the ledger as it needs it.
/// </summary>
internal sealed class PassLeases(ILedger ledger, string invocationId, TimeSpan leaseDuration, TimeSpan cleanupGrace, TimeProvider time)
{
    private readonly Dictionary<string, Held> held = new(StringComparer.Ordinal);

    /// <summary>Takes the lease on <paramref name="key"/>; the result names the holder when another invocation has it.</summary>
    public async Task<(Claim? Claim, string? Holder)> ClaimAsync(string key, long occurrences, TimeSpan extra, CancellationToken cancellationToken)
    {
        ClaimResult result = await ledger.ClaimAsync(new ClaimRequest(key, invocationId, leaseDuration + extra, occurrences), cancellationToken).ConfigureAwait(false);
        if (!result.Claimed)
        {
            return (null, result.Record.Lease?.Holder);
        }

        var claim = new Claim(result.Lease!, result.Record);
        held[key] = new Held(claim);
        return (claim, null);
    }

    /// <summary>Takes back a lease that ran out while the pass waited; null (and nothing held) when another invocation took it over.</summary>
    public async Task<(Claim? Claim, string? Holder)> RenewAsync(Claim claim, CancellationToken cancellationToken)
    {
        string key = claim.Lease.Key;
        ClaimResult result = await ledger.ClaimAsync(new ClaimRequest(key, invocationId, leaseDuration), cancellationToken).ConfigureAwait(false);
        if (!result.Claimed)
        {
            held.Remove(key);
            return (null, result.Record.Lease?.Holder);
        }

        var renewed = new Claim(result.Lease!, result.Record);
        held[key] = new Held(renewed) { TriedWrite = held.TryGetValue(key, out Held? before) && before.TriedWrite };
        return (renewed, null);
    }

    /// <summary>Notes that the pass is about to call AddPermission for the claim (a failed pass counts the attempt).</summary>
    public void NoteWriteAttempt(Claim claim)
    {
        if (held.TryGetValue(claim.Lease.Key, out Held? entry))
        {
            entry.TriedWrite = true;
        }
    }

    /// <summary>Records the outcome of a finished root cause and releases its lease, within the cleanup grace once cancelled.</summary>
    public async Task CompleteAsync(Claim claim, LedgerOutcome outcome, CancellationToken cancellationToken)
    {
        held.Remove(claim.Lease.Key);

        // The outcome must be recorded even when the invocation is being cancelled (it already happened), but not
        // past the deadline: a write that cannot finish in the grace leaves a lease that expires on its own.
        using var cleanup = new CleanupDeadline(cancellationToken, cleanupGrace, time);
        await ledger.TryCompleteAsync(claim.Lease, outcome, cleanup.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// After a failure: the root cause that failed records a failed pass (so repeated failures escalate);
    /// every other lease still held is released so the retry can take it at once. Within the cleanup grace once
    /// <paramref name="cancellationToken"/> is cancelled; what does not finish in it expires with its lease.
    /// </summary>
    public async Task AbandonAsync(string? failedKey, CancellationToken cancellationToken)
    {
        using var cleanup = new CleanupDeadline(cancellationToken, cleanupGrace, time);
        foreach ((string key, Held entry) in held)
        {
            try
            {
                if (string.Equals(key, failedKey, StringComparison.Ordinal))
                {
                    LedgerOutcome failed = LedgerTransitions.Failed(entry.Claim.Record.Outcome, entry.TriedWrite);
                    await ledger.TryCompleteAsync(entry.Claim.Lease, failed, cleanup.Token).ConfigureAwait(false);
                }
                else
                {
                    await ledger.TryReleaseAsync(entry.Claim.Lease, cleanup.Token).ConfigureAwait(false);
                }
            }
#pragma warning disable CA1031 // The invocation is already failing with the original error; a ledger error must not replace it.
            catch (Exception)
#pragma warning restore CA1031
            {
                // The lease expires on its own; the retry claims it then.
            }
        }

        held.Clear();
    }

    private sealed class Held(Claim claim)
    {
        public Claim Claim { get; } = claim;

        public bool TriedWrite { get; set; }
    }
}
