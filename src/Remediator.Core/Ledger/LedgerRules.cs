using Remediator.Core.Ports;

namespace Remediator.Core.Ledger;

/// <summary>
/// The rules every <see cref="ILedger"/> applies the same way, so the in-memory ledger and the DynamoDB one
/// pass the same contract to the millisecond: clock precision, expiry, lease freedom, and input validation.
/// </summary>
public static class LedgerRules
{
    /// <summary>Longest accepted key; DynamoDB keys stop at 2048 bytes and the key adds a prefix.</summary>
    public const int MaxKeyLength = 1024;

    /// <summary>The ledger's "now": UTC, truncated to whole milliseconds because that is what the table stores.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return TruncateToMilliseconds(time.GetUtcNow());
    }

    /// <summary>Drops sub-millisecond ticks and converts to UTC.</summary>
    public static DateTimeOffset TruncateToMilliseconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());

    /// <summary>An expiry <paramref name="retention"/> after <paramref name="now"/>, in whole seconds as TTL needs.</summary>
    public static DateTimeOffset ExpiryAfter(DateTimeOffset now, TimeSpan retention) =>
        DateTimeOffset.FromUnixTimeSeconds((now + retention).ToUnixTimeSeconds());

    /// <summary>
    /// Whether a record still counts. DynamoDB deletes expired items late (often days), so readers must
    /// treat an item past its expiry as absent themselves.
    /// </summary>
    public static bool IsLive(DateTimeOffset expiresAt, DateTimeOffset now) => expiresAt > now;

    /// <summary>Whether anyone may take a lease: none held, or the holder's lease has run out.</summary>
    public static bool IsLeaseFree(LedgerLease? lease, DateTimeOffset now) => lease is null || lease.ExpiresAt <= now;

    /// <summary>The lease a successful claim grants.</summary>
    public static LedgerLease LeaseFor(ClaimRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new LedgerLease(request.Key, request.Holder, TruncateToMilliseconds(now + request.LeaseDuration));
    }

    /// <summary>The record a claim creates when there is none (or only an expired one): pending, leased to the claimant.</summary>
    public static LedgerRecord FirstClaim(ClaimRequest request, DateTimeOffset now, TimeSpan retention)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new LedgerRecord
        {
            Key = request.Key,
            Outcome = LedgerOutcome.Pending,
            FirstSeen = now,
            LastSeen = now,
            Occurrences = request.Occurrences,
            Lease = LeaseFor(request, now),
            ExpiresAt = ExpiryAfter(now, retention),
        };
    }

    /// <summary>The start of the UTC hour that <paramref name="now"/> falls in.</summary>
    public static DateTimeOffset HourStart(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Rejects a claim no caller should make (a bug, not an outcome).</summary>
    public static void Validate(ClaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateKey(request.Key);
        ArgumentException.ThrowIfNullOrEmpty(request.Holder, nameof(request));
        if (request.LeaseDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.LeaseDuration, "The lease duration must be positive.");
        }

        if (request.Occurrences < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Occurrences, "A sighting cannot stand for a negative number of occurrences.");
        }
    }

    /// <summary>Rejects an empty or oversized key.</summary>
    public static void ValidateKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key.Length, $"A key has at most {MaxKeyLength} characters.");
        }
    }

    /// <summary>Rejects a lease that could never have come from a claim.</summary>
    public static void Validate(LedgerLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ValidateKey(lease.Key);
        ArgumentException.ThrowIfNullOrEmpty(lease.Holder, nameof(lease));
    }

    /// <summary>Rejects an unknown cap or a negative limit (zero is valid: none at all).</summary>
    public static void Validate(HourlyCap cap, int limit)
    {
        if (!Enum.IsDefined(cap))
        {
            throw new ArgumentOutOfRangeException(nameof(cap), cap, "Unknown hourly cap.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(limit);
    }

    /// <summary>
    /// Validates an outcome and brings it to the form the table stores: empty strings become <c>null</c>
    /// (absent attributes), times lose sub-millisecond ticks.
    /// </summary>
    public static LedgerOutcome Normalize(LedgerOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!Enum.IsDefined(outcome.State))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome.State, "Unknown remediation state.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(outcome.Attempts, nameof(outcome));
        ArgumentOutOfRangeException.ThrowIfNegative(outcome.ConsecutiveFailures, nameof(outcome));
        if (outcome.Fix is { } fix)
        {
            ArgumentException.ThrowIfNullOrEmpty(fix.StatementId, nameof(outcome));
            ArgumentException.ThrowIfNullOrEmpty(fix.FunctionArn, nameof(outcome));
        }

        if (outcome.Intent is { } intent)
        {
            ArgumentException.ThrowIfNullOrEmpty(intent.StatementId, nameof(outcome));
            ArgumentException.ThrowIfNullOrEmpty(intent.FunctionArn, nameof(outcome));
            ArgumentException.ThrowIfNullOrEmpty(intent.SourceArn, nameof(outcome));
        }

        if (outcome.OwedNotification is { } owed)
        {
            ArgumentException.ThrowIfNullOrEmpty(owed.TopicArn, nameof(outcome));
            ArgumentException.ThrowIfNullOrEmpty(owed.Message, nameof(outcome));
        }

        return outcome with
        {
            LastAction = EmptyAsNull(outcome.LastAction),
            LastFailedInvocation = EmptyAsNull(outcome.LastFailedInvocation),
            Intent = outcome.Intent is { } planned ? planned with { Qualifier = EmptyAsNull(planned.Qualifier) } : null,
            OwedNotification = outcome.OwedNotification is { } message
                ? message with
                {
                    Subject = EmptyAsNull(message.Subject),
                    MessageStructure = EmptyAsNull(message.MessageStructure),
                    Attributes = message.Attributes is { Count: > 0 } attributes ? attributes : null,
                    DeduplicationId = EmptyAsNull(message.DeduplicationId),
                    GroupId = EmptyAsNull(message.GroupId),
                }
                : null,
            LastOutcomeReason = EmptyAsNull(outcome.LastOutcomeReason),
            OpsItemId = EmptyAsNull(outcome.OpsItemId),
            Fix = outcome.Fix is { } applied ? applied with { Qualifier = EmptyAsNull(applied.Qualifier) } : null,
            LastNotifiedAt = outcome.LastNotifiedAt is { } notified ? TruncateToMilliseconds(notified) : null,
        };
    }

    private static string? EmptyAsNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
