using Remediator.Core.Ports;

namespace Remediator.Core.Ledger;

/// <summary>
/// A process-local <see cref="ILedger"/> for the CLI and tests: the same contract as the DynamoDB ledger,
/// with one lock standing in for DynamoDB's conditional writes.
/// </summary>
public sealed class InMemoryLedger : ILedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LedgerRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<(HourlyCap Cap, DateTimeOffset Hour), long> _countsPerHour = [];
    private readonly Dictionary<DateTimeOffset, (long Count, bool SummaryTaken)> _notificationsPerHour = [];
    private readonly Dictionary<string, string> _owed = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly LedgerOptions _options;
    private string? _sweepCursor;

    /// <summary>Creates an empty ledger reading time from <paramref name="time"/>.</summary>
    public InMemoryLedger(TimeProvider time, LedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _options = options ?? LedgerOptions.Default;
    }

    /// <inheritdoc />
    public Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = LedgerRules.Now(_time);
            var expiresAt = LedgerRules.ExpiryAfter(now, _options.RecordRetention);
            if (LiveRecord(request.Key, now) is not { } existing)
            {
                var created = LedgerRules.FirstClaim(request, now, _options.RecordRetention);
                _records[request.Key] = created;
                return Task.FromResult(new ClaimResult(true, created));
            }

            var claimed = LedgerRules.IsLeaseFree(existing.Lease, now)
                || string.Equals(existing.Lease?.Holder, request.Holder, StringComparison.Ordinal);
            var updated = existing with
            {
                LastSeen = request.Occurrences > 0 ? now : existing.LastSeen,
                Occurrences = existing.Occurrences + request.Occurrences,
                Lease = claimed ? LedgerRules.LeaseFor(request, now) : existing.Lease,
                ExpiresAt = expiresAt,
            };
            _records[request.Key] = updated;
            return Task.FromResult(new ClaimResult(claimed, updated));
        }
    }

    /// <inheritdoc />
    public Task<LedgerRecord?> GetAsync(string key, CancellationToken cancellationToken)
    {
        LedgerRules.ValidateKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(LiveRecord(key, LedgerRules.Now(_time)));
        }
    }

    /// <inheritdoc />
    public Task<bool> TryCompleteAsync(LedgerLease lease, LedgerOutcome outcome, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(lease);
        var normalized = LedgerRules.Normalize(outcome);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var completed = TryEndLease(lease, record => record with { Outcome = normalized });
            if (completed && normalized.OwedNotification is not null)
            {
                _owed[lease.Key] = Guid.NewGuid().ToString("N");
            }

            return Task.FromResult(completed);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryRecordIntentAsync(LedgerLease lease, PermissionIntent intent, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(lease);
        ArgumentNullException.ThrowIfNull(intent);
        var normalized = LedgerRules.Normalize(LedgerOutcome.Pending with { Intent = intent }).Intent;
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = LedgerRules.Now(_time);
            if (!IsHeldBy(lease, now, out var record))
            {
                return Task.FromResult(false);
            }

            _records[lease.Key] = record with
            {
                Outcome = record.Outcome with { Intent = normalized },
                ExpiresAt = LedgerRules.ExpiryAfter(now, _options.RecordRetention),
            };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OwedEntry>> ListOwedAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<OwedEntry> entries = [.. _owed.Take(max).Select(entry => new OwedEntry(entry.Key, entry.Value))];
            return Task.FromResult(entries);
        }
    }

    /// <inheritdoc />
    public Task ForgetOwedAsync(OwedEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_owed.TryGetValue(entry.Key, out var token) && string.Equals(token, entry.Token, StringComparison.Ordinal))
            {
                _owed.Remove(entry.Key);
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<bool> TryReleaseAsync(LedgerLease lease, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(lease);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(TryEndLease(lease, record => record));
    }

    /// <inheritdoc />
    public Task<HourlyBudget> TryConsumeAsync(HourlyCap cap, int limit, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(cap, limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var hour = CurrentHour();
            var count = _countsPerHour.GetValueOrDefault((cap, hour));
            if (count >= limit)
            {
                return Task.FromResult(new HourlyBudget(false, count, limit, hour));
            }

            _countsPerHour[(cap, hour)] = count + 1;
            return Task.FromResult(new HourlyBudget(true, count + 1, limit, hour));
        }
    }

    /// <inheritdoc />
    public Task<NotificationBudget> TryConsumeNotificationAsync(int maxNotificationsPerHour, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxNotificationsPerHour);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var hour = CurrentHour();
            var (count, summaryTaken) = _notificationsPerHour.GetValueOrDefault(hour);
            count++;
            var allowed = count <= maxNotificationsPerHour;
            var summaryDue = !allowed && !summaryTaken;
            _notificationsPerHour[hour] = (count, summaryTaken || summaryDue);
            return Task.FromResult(new NotificationBudget(allowed, count, maxNotificationsPerHour, hour, summaryDue));
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<LedgerRecord> ListAsync(CancellationToken cancellationToken)
    {
        List<LedgerRecord> snapshot;
        lock (_gate)
        {
            var now = LedgerRules.Now(_time);
            snapshot = [.. _records.Values.Where(record => LedgerRules.IsLive(record.ExpiresAt, now))];
        }

        return snapshot.ToAsyncEnumerable();
    }

    private bool TryEndLease(LedgerLease lease, Func<LedgerRecord, LedgerRecord> change)
    {
        lock (_gate)
        {
            var now = LedgerRules.Now(_time);
            if (!IsHeldBy(lease, now, out var record))
            {
                return false;
            }

            _records[lease.Key] = change(record) with
            {
                Lease = null,
                ExpiresAt = LedgerRules.ExpiryAfter(now, _options.RecordRetention),
            };
            return true;
        }
    }

    // Under the gate: whether the live record of the lease's key is still leased to its holder.
    private bool IsHeldBy(LedgerLease lease, DateTimeOffset now, out LedgerRecord record)
    {
        record = LiveRecord(lease.Key, now)!;
        return record is { Lease: { } held }
            && string.Equals(held.Holder, lease.Holder, StringComparison.Ordinal)
            && !LedgerRules.IsLeaseFree(held, now);
    }

    private LedgerRecord? LiveRecord(string key, DateTimeOffset now) =>
        _records.TryGetValue(key, out var record) && LedgerRules.IsLive(record.ExpiresAt, now) ? record : null;

    // Under the gate: the UTC hour to count in, once the counters no reader needs any more are gone.
    private DateTimeOffset CurrentHour()
    {
        var now = LedgerRules.Now(_time);
        ForgetCountersOlderThan(now - _options.CounterRetention);
        return LedgerRules.HourStart(now);
    }

    private void ForgetCountersOlderThan(DateTimeOffset cutoff)
    {
        foreach (var counter in _countsPerHour.Keys.Where(counter => counter.Hour < cutoff).ToList())
        {
            _countsPerHour.Remove(counter);
        }

        foreach (var hour in _notificationsPerHour.Keys.Where(hour => hour < cutoff).ToList())
        {
            _notificationsPerHour.Remove(hour);
        }
    }

    /// <inheritdoc />
    public Task<string?> GetSweepCursorAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_sweepCursor);
        }
    }

    /// <inheritdoc />
    public Task SetSweepCursorAsync(string? cursor, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _sweepCursor = cursor;
        }

        return Task.CompletedTask;
    }
}
