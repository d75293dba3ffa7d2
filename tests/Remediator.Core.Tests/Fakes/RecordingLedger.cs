using System.Collections.Concurrent;
using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Fakes;

/// <summary>A ledger that records every call (operation and fingerprint) and passes it on to a real one.</summary>
public sealed class RecordingLedger(ILedger inner) : ILedger
{
    private readonly ConcurrentQueue<(string Operation, string? Fingerprint)> calls = new();

    /// <summary>Every call, in order.</summary>
    public IReadOnlyList<(string Operation, string? Fingerprint)> Calls => calls.ToArray();

    public int Count(string operation) => calls.Count(call => call.Operation == operation);

    public Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        calls.Enqueue(("Claim", request.Key));
        return inner.ClaimAsync(request, cancellationToken);
    }

    public Task<LedgerRecord?> GetAsync(string fingerprint, CancellationToken cancellationToken)
    {
        calls.Enqueue(("Get", fingerprint));
        return inner.GetAsync(fingerprint, cancellationToken);
    }

    public Task<bool> TryCompleteAsync(LedgerLease lease, LedgerOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        calls.Enqueue(("Complete", lease.Key));
        return inner.TryCompleteAsync(lease, outcome, cancellationToken);
    }

    public Task<bool> TryReleaseAsync(LedgerLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        calls.Enqueue(("Release", lease.Key));
        return inner.TryReleaseAsync(lease, cancellationToken);
    }

    public Task<bool> TryRecordIntentAsync(LedgerLease lease, PermissionIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        calls.Enqueue(("RecordIntent", lease.Key));
        return inner.TryRecordIntentAsync(lease, intent, cancellationToken);
    }

    public Task<IReadOnlyList<OwedEntry>> ListOwedAsync(int max, CancellationToken cancellationToken)
    {
        calls.Enqueue(("ListOwed", null));
        return inner.ListOwedAsync(max, cancellationToken);
    }

    public Task ForgetOwedAsync(OwedEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        calls.Enqueue(("ForgetOwed", entry.Key));
        return inner.ForgetOwedAsync(entry, cancellationToken);
    }

    public Task<HourlyBudget> TryConsumeAsync(HourlyCap cap, int limit, CancellationToken cancellationToken)
    {
        calls.Enqueue((cap == HourlyCap.Fixes ? "ConsumeFix" : $"Consume{cap}", null));
        return inner.TryConsumeAsync(cap, limit, cancellationToken);
    }

    public Task<NotificationBudget> TryConsumeNotificationAsync(int maxNotificationsPerHour, CancellationToken cancellationToken)
    {
        calls.Enqueue(("ConsumeNotification", null));
        return inner.TryConsumeNotificationAsync(maxNotificationsPerHour, cancellationToken);
    }

    public IAsyncEnumerable<LedgerRecord> ListAsync(CancellationToken cancellationToken)
    {
        calls.Enqueue(("List", null));
        return inner.ListAsync(cancellationToken);
    }

    public Task<string?> GetSweepCursorAsync(CancellationToken cancellationToken)
    {
        calls.Enqueue(("GetSweepCursor", null));
        return inner.GetSweepCursorAsync(cancellationToken);
    }

    public Task SetSweepCursorAsync(string? cursor, CancellationToken cancellationToken)
    {
        calls.Enqueue(("SetSweepCursor", cursor));
        return inner.SetSweepCursorAsync(cursor, cancellationToken);
    }
}
