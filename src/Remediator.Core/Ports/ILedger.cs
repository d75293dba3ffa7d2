namespace Remediator.Core.Ports;

/// <summary>
/// Durable memory of remediations, shared by concurrent invocations: an exclusive lease per key so
/// only one invocation acts on a root cause at a time, the outcome of each pass, the hourly caps (fixes, new tickets) and the notifications-per-hour cap.
/// </summary>
/// <remarks>
/// Expected outcomes (a lease held by someone else, a lease lost, a breaker that is open) are values;
/// exceptions mean broken invariants or transient I/O that should fail the invocation.
/// </remarks>
public interface ILedger
{
    /// <summary>
    /// Records a sighting of the root-cause key and takes its lease if nobody holds it, the holder's lease has
    /// expired, or the holder is <see cref="ClaimRequest.Holder"/> (then the lease is extended). The sighting
    /// counts whether or not the lease is won.
    /// </summary>
    Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Reads the record of a root-cause key; <c>null</c> when there is none or it has expired.</summary>
    Task<LedgerRecord?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcome of a pass and releases the lease, only if the lease is still ours (same owner,
    /// not expired). Returns <c>false</c> and writes nothing when the lease was lost. An outcome that owes a
    /// notification (<see cref="LedgerOutcome.OwedNotification"/>) also enters the list <see cref="ListOwedAsync"/> reads.
    /// </summary>
    Task<bool> TryCompleteAsync(LedgerLease lease, LedgerOutcome outcome, CancellationToken cancellationToken);

    /// <summary>
    /// Records, while the lease is still ours, the statement the pass is about to add (<see cref="LedgerOutcome.Intent"/>),
    /// keeping the lease and every other value. Returns <c>false</c> and writes nothing when the lease was lost.
    /// </summary>
    Task<bool> TryRecordIntentAsync(LedgerLease lease, PermissionIntent intent, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> root causes whose record may owe a notification (an entry can outlive the debt:
    /// the record decides), in no particular order.
    /// </summary>
    Task<IReadOnlyList<OwedEntry>> ListOwedAsync(int max, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="entry"/> from the list of owed notifications, unless it was written again since it was listed.</summary>
    Task ForgetOwedAsync(OwedEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Releases the lease without recording an outcome (for example after a transient failure, so the retried
    /// invocation can claim at once), only if it is still ours. Returns <c>false</c> when the lease was lost.
    /// </summary>
    Task<bool> TryReleaseAsync(LedgerLease lease, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one <paramref name="cap"/> (a fix, a new ticket) against the current UTC hour, atomically and only
    /// while that hour's count of it is below <paramref name="limit"/>. Call it before acting: a denied budget
    /// means the cap is reached (for fixes: the breaker is open). Each cap counts on its own.
    /// </summary>
    Task<HourlyBudget> TryConsumeAsync(HourlyCap cap, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one notification against the current UTC hour, atomically and whether or not it is allowed (so the count
    /// says how many were suppressed): allowed while the count is at most <paramref name="maxNotificationsPerHour"/>.
    /// The first suppressed request of the hour, and only it, is told that the summary is due.
    /// </summary>
    Task<NotificationBudget> TryConsumeNotificationAsync(int maxNotificationsPerHour, CancellationToken cancellationToken);

    /// <summary>Every live remediation record, in no particular order (for audit and revert).</summary>
    IAsyncEnumerable<LedgerRecord> ListAsync(CancellationToken cancellationToken);

    /// <summary>Where the last sweep stopped (the key of the last API it audited); null when it covered everything or none ran.</summary>
    Task<string?> GetSweepCursorAsync(CancellationToken cancellationToken);

    /// <summary>Records where the sweep stopped (null: it covered every API, the next one starts at the first).</summary>
    Task SetSweepCursorAsync(string? cursor, CancellationToken cancellationToken);
}
