using Remediator.Core.Ledger;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>
/// The leases one pass holds, and the only code that takes, completes or gives them up: whatever a pass
/// leaves unfinished when it fails is recorded or released here, so a retry finds the ledger as it needs it.
/// </summary>
internal sealed class PassLeases(ILedger ledger, string invocationId, EngineOptions options, TimeProvider time)
{
    private readonly Dictionary<string, Held> held = new(StringComparer.Ordinal);

    /// <summary>The invocation the leases are held for.</summary>
    public string InvocationId => invocationId;

    /// <summary>
    /// Takes the lease on <paramref name="key"/>, waiting up to <see cref="EngineOptions.ClaimWait"/> while another
    /// invocation holds it (a live holder finishes in seconds); throws <see cref="RootCauseBusyException"/> when it is
    /// still held then, so the invocation fails and is retried rather than ending as a success that did nothing.
    /// </summary>
    public async Task<Claim> ClaimAsync(string key, long occurrences, TimeSpan extra, CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        ClaimResult result = await ledger.ClaimAsync(new ClaimRequest(key, invocationId, options.LeaseDuration + extra, occurrences), cancellationToken).ConfigureAwait(false);
        while (!result.Claimed)
        {
            if (time.GetElapsedTime(started) >= options.ClaimWait)
            {
                throw new RootCauseBusyException(key, result.Record.Lease?.Holder, options.ClaimWait);
            }

            // Poll without counting the sighting again; claim once the lease is free.
            await Task.Delay(options.ClaimPoll, time, cancellationToken).ConfigureAwait(false);
            LedgerRecord? now = await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (now?.Lease is null || LedgerRules.IsLeaseFree(now.Lease, LedgerRules.Now(time)))
            {
                result = await ledger.ClaimAsync(new ClaimRequest(key, invocationId, options.LeaseDuration + extra, 0), cancellationToken).ConfigureAwait(false);
            }
        }

        var claim = new Claim(result.Lease!, result.Record);
        held[key] = new Held(claim);
        return claim;
    }

    /// <summary>
    /// Takes the lease on <paramref name="key"/> only if it is free, counting no sighting (the owed-notification sweep);
    /// null when the record is gone or another invocation holds it.
    /// </summary>
    public async Task<Claim?> TryClaimQuietlyAsync(string key, CancellationToken cancellationToken)
    {
        ClaimResult result = await ledger.ClaimAsync(new ClaimRequest(key, invocationId, options.LeaseDuration, 0), cancellationToken).ConfigureAwait(false);
        if (!result.Claimed)
        {
            return null;
        }

        var claim = new Claim(result.Lease!, result.Record);
        held[key] = new Held(claim);
        return claim;
    }

    /// <summary>Records, under the claim's lease, the statement the pass is about to add; null (and nothing held) when the lease was lost.</summary>
    public async Task<Claim?> RecordIntentAsync(Claim claim, PermissionIntent intent, CancellationToken cancellationToken)
    {
        string key = claim.Lease.Key;
        if (!await ledger.TryRecordIntentAsync(claim.Lease, intent, cancellationToken).ConfigureAwait(false))
        {
            held.Remove(key);
            return null;
        }

        // The record as the ledger now holds it, so whatever ends the pass (an outcome, a failure) keeps the intent.
        var recorded = claim with { Record = claim.Record with { Outcome = claim.Record.Outcome with { Intent = intent } } };
        held[key] = new Held(recorded) { TriedWrite = held.TryGetValue(key, out Held? before) && before.TriedWrite };
        return recorded;
    }

    /// <summary>Takes back a lease that ran out while the pass waited; null (and nothing held) when another invocation took it over.</summary>
    public async Task<(Claim? Claim, string? Holder)> RenewAsync(Claim claim, CancellationToken cancellationToken)
    {
        string key = claim.Lease.Key;
        ClaimResult result = await ledger.ClaimAsync(new ClaimRequest(key, invocationId, options.LeaseDuration), cancellationToken).ConfigureAwait(false);
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
        using var cleanup = new CleanupDeadline(cancellationToken, options.CleanupGrace, time);
        await ledger.TryCompleteAsync(claim.Lease, outcome, cleanup.Token).ConfigureAwait(false);
    }

    /// <summary>Gives up the lease of a claim without recording anything (the owed-notification sweep after a failed publish).</summary>
    public async Task ReleaseAsync(Claim claim, CancellationToken cancellationToken)
    {
        held.Remove(claim.Lease.Key);
        using var cleanup = new CleanupDeadline(cancellationToken, options.CleanupGrace, time);
        await ledger.TryReleaseAsync(claim.Lease, cleanup.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// After a failure: the root cause that failed records a failed pass (counted toward escalation only when it was
    /// Remediator's own write that failed for good: AddPermission sent and <paramref name="error"/> an AWS refusal that
    /// is no transient outage, once per invocation); every other lease still held is
    /// released so the retry can take it at once. Within the cleanup grace once <paramref name="cancellationToken"/>
    /// is cancelled; what does not finish in it expires with its lease.
    /// </summary>
    public async Task AbandonAsync(string? failedKey, Exception error, CancellationToken cancellationToken)
    {
        using var cleanup = new CleanupDeadline(cancellationToken, options.CleanupGrace, time);
        bool ownWriteFailed = error is AwsServiceException refused && !TransientAwsErrors.IsTransient(refused);
        foreach ((string key, Held entry) in held)
        {
            try
            {
                if (string.Equals(key, failedKey, StringComparison.Ordinal))
                {
                    LedgerOutcome failed = LedgerTransitions.Failed(entry.Claim.Record.Outcome, ownWriteFailed && entry.TriedWrite, invocationId);
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
