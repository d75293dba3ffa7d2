using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>
/// At the end of an invocation, sends what earlier passes owe: notifications SNS refused or could not be reached for,
/// whose root causes may never fail again once healed (docs/ARCHITECTURE.md, "Ledger and root-cause key"). Each is sent
/// under its root cause's lease, so two invocations never send the same one; a refusal leaves it owed for the next.
/// </summary>
internal sealed class OwedSweep(EngineDependencies deps, EngineOptions options, PassLeases leases)
{
    /// <summary>How many owed notifications were delivered (or sent without an answer).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (deps.Notifications is null || options.MaxOwedPerInvocation == 0)
        {
            return 0;
        }

        var sender = new NotificationSender(deps.Notifications);
        int sent = 0;
        foreach (OwedEntry entry in await deps.Ledger.ListOwedAsync(options.MaxOwedPerInvocation, cancellationToken).ConfigureAwait(false))
        {
            LedgerRecord? record = await deps.Ledger.GetAsync(entry.Key, cancellationToken).ConfigureAwait(false);
            if (record?.Outcome.OwedNotification is null)
            {
                // Paid already (or the record expired): the entry only pointed at it.
                await deps.Ledger.ForgetOwedAsync(entry, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (record.Lease is { } lease && lease.ExpiresAt > deps.Time.GetUtcNow())
            {
                continue;
            }

            if (await leases.TryClaimQuietlyAsync(entry.Key, cancellationToken).ConfigureAwait(false) is not { } claim)
            {
                continue;
            }

            if (claim.Record.Outcome.OwedNotification is not { } owed)
            {
                await leases.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
                continue;
            }

            NotificationSender.Sent result = await sender.SendAsync(owed, cancellationToken).ConfigureAwait(false);
            if (result.Refusal is not null)
            {
                // SNS still refuses: it stays owed; the next invocation tries again.
                await leases.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
                break;
            }

            LedgerOutcome paid = claim.Record.Outcome with
            {
                OwedNotification = null,
                LastNotifiedAt = deps.Time.GetUtcNow(),
                LastAction = claim.Record.Outcome.LastAction == LedgerActions.AddPermissionUnnotified ? LedgerActions.AddPermission : LedgerActions.Notify,
            };
            await leases.CompleteAsync(claim, paid, cancellationToken).ConfigureAwait(false);
            await deps.Ledger.ForgetOwedAsync(entry, cancellationToken).ConfigureAwait(false);
            sent++;
        }

        return sent;
    }
}
