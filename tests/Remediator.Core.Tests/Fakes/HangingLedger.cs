using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Fakes;

/// <summary>
/// A ledger whose claims and counters work (through <paramref name="inner"/>) but whose writes that end a lease
/// (an outcome, a release) never answer: they wait until their token is cancelled, as a hanging DynamoDB call
/// does. <see cref="OnEndLease"/> runs when such a write starts (e.g. to let the deadline arrive).
/// </summary>
public sealed class HangingLedger(ILedger inner) : ILedger
{
    private int hung;

    public Action? OnEndLease { get; set; }

    /// <summary>Writes that ended a lease and were left waiting.</summary>
    public int HungWrites => Volatile.Read(ref hung);

    public Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) => inner.ClaimAsync(request, cancellationToken);

    public Task<LedgerRecord?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public Task<bool> TryCompleteAsync(LedgerLease lease, LedgerOutcome outcome, CancellationToken cancellationToken) => HangAsync(cancellationToken);

    public Task<bool> TryReleaseAsync(LedgerLease lease, CancellationToken cancellationToken) => HangAsync(cancellationToken);

    public Task<bool> TryRecordIntentAsync(LedgerLease lease, PermissionIntent intent, CancellationToken cancellationToken) =>
        inner.TryRecordIntentAsync(lease, intent, cancellationToken);

    public Task<IReadOnlyList<OwedEntry>> ListOwedAsync(int max, CancellationToken cancellationToken) => inner.ListOwedAsync(max, cancellationToken);

    public Task ForgetOwedAsync(OwedEntry entry, CancellationToken cancellationToken) => inner.ForgetOwedAsync(entry, cancellationToken);

    public Task<HourlyBudget> TryConsumeAsync(HourlyCap cap, int limit, CancellationToken cancellationToken) => inner.TryConsumeAsync(cap, limit, cancellationToken);

    public Task<NotificationBudget> TryConsumeNotificationAsync(int maxNotificationsPerHour, CancellationToken cancellationToken) =>
        inner.TryConsumeNotificationAsync(maxNotificationsPerHour, cancellationToken);

    public IAsyncEnumerable<LedgerRecord> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

    private async Task<bool> HangAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref hung);
        OnEndLease?.Invoke();
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public Task<string?> GetSweepCursorAsync(CancellationToken cancellationToken) => inner.GetSweepCursorAsync(cancellationToken);

    public Task SetSweepCursorAsync(string? cursor, CancellationToken cancellationToken) => inner.SetSweepCursorAsync(cursor, cancellationToken);
}
