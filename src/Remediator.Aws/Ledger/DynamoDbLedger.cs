using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remediator.Core.Ledger;
using Remediator.Core.Ports;
using static Remediator.Aws.Ledger.LedgerItem;

namespace Remediator.Aws.Ledger;

/// <summary>
/// The <see cref="ILedger"/> of a deployed Remediator: one DynamoDB table (<see cref="LedgerTableSchema"/>),
/// exclusivity from conditional writes, counters from atomic <c>ADD</c>. A failed condition is an answer
/// (a value); every other service error propagates so the invocation fails and Lambda retries it.
/// </summary>
public sealed class DynamoDbLedger : ILedger
{
    private const string Pk = LedgerTableSchema.PartitionKey;
    private const string Ttl = LedgerTableSchema.TimeToLiveAttribute;

    // "state" is aliased because DynamoDB reserves many plain words; the other names are safe.
    private const string StateAlias = "#state";
    private const string SweepCursor = "cursor";

    private readonly LedgerTable _table;
    private readonly LedgerClaim _claim;
    private readonly TimeProvider _time;
    private readonly LedgerOptions _options;

    /// <summary>Creates a ledger over an existing table.</summary>
    public DynamoDbLedger(IAmazonDynamoDB dynamo, string tableName, TimeProvider time, LedgerOptions? options = null)
        : this(Known(dynamo), tableName, time, options)
    {
    }

    /// <summary>
    /// Creates a ledger whose client <paramref name="client"/> supplies on the first call (the same one every
    /// time): the AWS SDK is loaded and configured only when a batch needs the ledger, not at cold start.
    /// </summary>
    public DynamoDbLedger(Func<IAmazonDynamoDB> client, string tableName, TimeProvider time, LedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(time);
        _table = new LedgerTable(client, tableName);
        _time = time;
        _options = options ?? LedgerOptions.Default;
        _claim = new LedgerClaim(_table, _time, _options);
    }

    private static Func<IAmazonDynamoDB> Known(IAmazonDynamoDB dynamo)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        return () => dynamo;
    }

    /// <summary>Items a Scan page reads (DynamoDB's default when <c>null</c>); small values make tests page.</summary>
    internal int? ScanPageSize { get; init; }

    /// <inheritdoc />
    public async Task<LedgerRecord?> GetAsync(string key, CancellationToken cancellationToken)
    {
        LedgerRules.ValidateKey(key);
        var item = await _table.GetItemAsync(LedgerTableSchema.RecordKey(key), cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var record = ToRecord(item);
        return LedgerRules.IsLive(record.ExpiresAt, LedgerRules.Now(_time)) ? record : null;
    }

    /// <inheritdoc />
    public Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        _claim.ClaimAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryCompleteAsync(LedgerLease lease, LedgerOutcome outcome, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(lease);
        var normalized = LedgerRules.Normalize(outcome);
        var set = new List<string>
        {
            $"{StateAlias} = :state",
            $"{Attempts} = :attempts",
            $"{ConsecutiveFailures} = :failures",
        };
        var remove = new List<string>();
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":state"] = S(normalized.State.ToString()),
            [":attempts"] = N(normalized.Attempts),
            [":failures"] = N(normalized.ConsecutiveFailures),
        };
        SetOrRemove(OptionalOutcomeAttributes(normalized), set, remove, values);

        return CompleteAsync(lease, normalized, set, remove, values, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryRecordIntentAsync(LedgerLease lease, PermissionIntent intent, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(lease);
        ArgumentNullException.ThrowIfNull(intent);
        var normalized = LedgerRules.Normalize(LedgerOutcome.Pending with { Intent = intent }).Intent;
        var set = new List<string>();
        var remove = new List<string>();
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        SetOrRemove(IntentAttributes(normalized), set, remove, values);

        return TryUpdateUnderLeaseAsync(lease, set, remove, values, release: false, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OwedEntry>> ListOwedAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var outbox = await _table.GetItemAsync(LedgerTableSchema.OutboxKey, cancellationToken).ConfigureAwait(false);
        return outbox is null
            ? []
            : [.. outbox
                .Where(a => a.Key.StartsWith(LedgerTableSchema.OwedAttributePrefix, StringComparison.Ordinal) && a.Value.S is not null)
                .Take(max)
                .Select(a => new OwedEntry(a.Key[LedgerTableSchema.OwedAttributePrefix.Length..], a.Value.S))];
    }

    /// <inheritdoc />
    public async Task ForgetOwedAsync(OwedEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        LedgerRules.ValidateKey(entry.Key);

        // A failed condition means the entry was written again since it was listed: a newer debt, kept.
        await _table.TryUpdateAsync(
            new UpdateItemRequest
            {
                TableName = _table.Name,
                Key = LedgerTable.KeyOf(LedgerTableSchema.OutboxKey),
                UpdateExpression = "REMOVE #owed",
                ConditionExpression = "#owed = :token",
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#owed"] = LedgerTableSchema.OwedAttributePrefix + entry.Key },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":token"] = S(entry.Token) },
                ReturnValues = ReturnValue.NONE,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<bool> TryReleaseAsync(LedgerLease lease, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(lease);
        return TryUpdateUnderLeaseAsync(lease, [], [], new Dictionary<string, AttributeValue>(StringComparer.Ordinal), release: true, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<HourlyBudget> TryConsumeAsync(HourlyCap cap, int limit, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(cap, limit);
        var hour = LedgerRules.HourStart(LedgerRules.Now(_time));
        var key = LedgerTableSchema.HourKey(hour);

        // One item per hour holds every cap's count, each in its own attribute.
        var counter = CounterAttribute(cap);
        if (limit > 0)
        {
            var counted = await _table.TryUpdateAsync(
                new UpdateItemRequest
                {
                    TableName = _table.Name,
                    Key = LedgerTable.KeyOf(key),
                    UpdateExpression = $"SET {Ttl} = :expiresAt ADD {counter} :one",
                    ConditionExpression = $"attribute_not_exists({counter}) OR {counter} < :limit",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [":expiresAt"] = Seconds(LedgerRules.ExpiryAfter(hour, _options.CounterRetention)),
                        [":one"] = N(1),
                        [":limit"] = N(limit),
                    },
                    ReturnValues = ReturnValue.UPDATED_NEW,
                },
                cancellationToken).ConfigureAwait(false);
            if (counted is not null)
            {
                var count = OptionalNumber(counted, counter)
                    ?? throw new InvalidDataException($"Ledger counter '{key}' returned no '{counter}' after ADD.");
                return new HourlyBudget(true, count, limit, hour);
            }
        }

        // Denied: read the count back so the message can say how far over it is.
        var current = await _table.GetItemAsync(key, cancellationToken).ConfigureAwait(false);
        return new HourlyBudget(false, OptionalNumber(current, counter) ?? 0, limit, hour);
    }

    /// <inheritdoc />
    public async Task<NotificationBudget> TryConsumeNotificationAsync(int maxNotificationsPerHour, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxNotificationsPerHour);
        var hour = LedgerRules.HourStart(LedgerRules.Now(_time));
        var key = LedgerTable.KeyOf(LedgerTableSchema.HourKey(hour));

        // Every request is counted, suppressed ones too, so the summary can say how many were held back.
        var counted = await _table.TryUpdateAsync(
            new UpdateItemRequest
            {
                TableName = _table.Name,
                Key = key,
                UpdateExpression = $"SET {Ttl} = :expiresAt ADD {Notifications} :one",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [":expiresAt"] = Seconds(LedgerRules.ExpiryAfter(hour, _options.CounterRetention)),
                    [":one"] = N(1),
                },
                ReturnValues = ReturnValue.ALL_NEW,
            },
            cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Ledger counter '{LedgerTableSchema.HourKey(hour)}': an unconditional update failed its condition.");
        var count = OptionalNumber(counted, Notifications)
            ?? throw new InvalidDataException($"Ledger counter '{LedgerTableSchema.HourKey(hour)}' returned no '{Notifications}' after ADD.");
        if (count <= maxNotificationsPerHour || counted.ContainsKey(NotificationSummary))
        {
            return new NotificationBudget(count <= maxNotificationsPerHour, count, maxNotificationsPerHour, hour, false);
        }

        // Suppressed, and nobody has taken the summary yet: the one conditional write that succeeds this hour takes it.
        var summary = await _table.TryUpdateAsync(
            new UpdateItemRequest
            {
                TableName = _table.Name,
                Key = key,
                UpdateExpression = $"SET {NotificationSummary} = :count",
                ConditionExpression = $"attribute_not_exists({NotificationSummary})",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":count"] = N(count) },
                ReturnValues = ReturnValue.NONE,
            },
            cancellationToken).ConfigureAwait(false);
        return new NotificationBudget(false, count, maxNotificationsPerHour, hour, summary is not null);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LedgerRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = LedgerRules.Now(_time);
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await _table.ScanAsync(
                new ScanRequest
                {
                    TableName = _table.Name,
                    ConsistentRead = true,
                    FilterExpression = $"begins_with({Pk}, :prefix) AND {Ttl} > :nowSeconds",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [":prefix"] = S(LedgerTableSchema.RecordKeyPrefix),
                        [":nowSeconds"] = Seconds(now),
                    },
                    ExclusiveStartKey = startKey,
                    Limit = ScanPageSize,
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                yield return ToRecord(item);
            }

            startKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);
    }

    // The record first, then the outbox entry: an entry never points at a debt that is not written yet, and a
    // record whose entry was not written (a crash between the two) is still found by the next pass on its root cause.
    private async Task<bool> CompleteAsync(
        LedgerLease lease,
        LedgerOutcome outcome,
        List<string> set,
        List<string> remove,
        Dictionary<string, AttributeValue> values,
        CancellationToken cancellationToken)
    {
        if (!await TryUpdateUnderLeaseAsync(lease, set, remove, values, release: true, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (outcome.OwedNotification is not null)
        {
            var now = LedgerRules.Now(_time);
            await _table.TryUpdateAsync(
                new UpdateItemRequest
                {
                    TableName = _table.Name,
                    Key = LedgerTable.KeyOf(LedgerTableSchema.OutboxKey),
                    UpdateExpression = $"SET #owed = :token, {Ttl} = :expiresAt",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#owed"] = LedgerTableSchema.OwedAttributePrefix + lease.Key },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [":token"] = S(Guid.NewGuid().ToString("N")),
                        [":expiresAt"] = Seconds(LedgerRules.ExpiryAfter(now, _options.RecordRetention)),
                    },
                    ReturnValues = ReturnValue.NONE,
                },
                cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> TryUpdateUnderLeaseAsync(
        LedgerLease lease,
        List<string> set,
        List<string> remove,
        Dictionary<string, AttributeValue> values,
        bool release,
        CancellationToken cancellationToken)
    {
        var now = LedgerRules.Now(_time);
        set.Add($"{Ttl} = :expiresAt");
        if (release)
        {
            remove.Add(LeaseOwner);
            remove.Add(LeaseExpiresAt);
        }

        values[":expiresAt"] = Seconds(LedgerRules.ExpiryAfter(now, _options.RecordRetention));
        values[":owner"] = S(lease.Holder);
        values[":now"] = Millis(now);
        values[":nowSeconds"] = Seconds(now);
        var usesState = set.Exists(clause => clause.StartsWith(StateAlias, StringComparison.Ordinal));
        var updated = await _table.TryUpdateAsync(
            new UpdateItemRequest
            {
                TableName = _table.Name,
                Key = LedgerTable.KeyOf(LedgerTableSchema.RecordKey(lease.Key)),
                UpdateExpression = $"SET {string.Join(", ", set)}" + (remove.Count > 0 ? $" REMOVE {string.Join(", ", remove)}" : string.Empty),
                ConditionExpression = $"{LeaseOwner} = :owner AND {LeaseExpiresAt} > :now AND {Ttl} > :nowSeconds",
                // An empty name map is rejected by DynamoDB, so send none unless "#state" is used.
                ExpressionAttributeNames = usesState ? StateNames() : null,
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.NONE,
            },
            cancellationToken).ConfigureAwait(false);
        return updated is not null;
    }

    // Each attribute with a value is set, each without one removed.
    private static void SetOrRemove(
        IEnumerable<(string Name, AttributeValue? Value)> attributes,
        List<string> set,
        List<string> remove,
        Dictionary<string, AttributeValue> values)
    {
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                remove.Add(name);
            }
            else
            {
                set.Add($"{name} = :{name}");
                values[$":{name}"] = value;
            }
        }
    }

    private static Dictionary<string, string> StateNames() =>
        new(StringComparer.Ordinal) { [StateAlias] = State };

    /// <inheritdoc />
    public async Task<string?> GetSweepCursorAsync(CancellationToken cancellationToken)
    {
        var item = await _table.GetItemAsync(LedgerTableSchema.SweepCursorKey, cancellationToken).ConfigureAwait(false);
        return item is not null && item.TryGetValue(SweepCursor, out AttributeValue? cursor) && cursor.S is { Length: > 0 } value ? value : null;
    }

    /// <inheritdoc />
    public async Task SetSweepCursorAsync(string? cursor, CancellationToken cancellationToken)
    {
        // One item, overwritten by each run; without a cursor attribute it says the last sweep covered everything.
        var item = LedgerTable.KeyOf(LedgerTableSchema.SweepCursorKey);
        item[Ttl] = Seconds(LedgerRules.ExpiryAfter(LedgerRules.Now(_time), _options.RecordRetention));
        if (cursor is not null)
        {
            item[SweepCursor] = S(cursor);
        }

        await _table.TryPutAsync(new PutItemRequest { TableName = _table.Name, Item = item }, cancellationToken).ConfigureAwait(false);
    }
}
