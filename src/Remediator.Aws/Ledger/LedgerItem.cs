using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Remediator.Core.Ports;

namespace Remediator.Aws.Ledger;

/// <summary>
/// Maps a remediation record to and from its DynamoDB item. Instants are epoch milliseconds (numbers compare
/// correctly in condition expressions), except <c>expiresAt</c>, which TTL wants in epoch seconds.
/// </summary>
internal static class LedgerItem
{
    internal const string State = "state";
    internal const string Attempts = "attempts";
    internal const string ConsecutiveFailures = "consecutiveFailures";
    internal const string FirstSeen = "firstSeen";
    internal const string LastSeen = "lastSeen";
    internal const string Occurrences = "occurrences";
    internal const string LastAction = "lastAction";
    internal const string LastOutcomeReason = "lastOutcomeReason";
    internal const string OpsItemId = "opsItemId";
    internal const string FixStatementId = "fixStatementId";
    internal const string FixFunctionArn = "fixFunctionArn";
    internal const string FixQualifier = "fixQualifier";
    internal const string LastNotifiedAt = "lastNotifiedAt";
    internal const string IntentStatementId = "intentStatementId";
    internal const string IntentFunctionArn = "intentFunctionArn";
    internal const string IntentQualifier = "intentQualifier";
    internal const string IntentSourceArn = "intentSourceArn";
    internal const string OwedTopicArn = "owedTopicArn";
    internal const string OwedMessage = "owedMessage";
    internal const string OwedSubject = "owedSubject";
    internal const string OwedStructure = "owedStructure";
    internal const string OwedAttributes = "owedAttributes";
    internal const string OwedDeduplicationId = "owedDeduplicationId";
    internal const string OwedGroupId = "owedGroupId";
    internal const string LastFailedInvocation = "lastFailedInvocation";
    internal const string LeaseOwner = "leaseOwner";
    internal const string LeaseExpiresAt = "leaseExpiresAt";
    internal const string Fixes = "fixes";
    internal const string Notifications = "notifications";
    internal const string NotificationSummary = "notificationSummary";
    internal const string NewTickets = "newTickets";

    /// <summary>The hourly counter item's attribute that counts <paramref name="cap"/>.</summary>
    internal static string CounterAttribute(HourlyCap cap) => cap switch
    {
        HourlyCap.Fixes => Fixes,
        HourlyCap.NewTickets => NewTickets,
        _ => throw new ArgumentOutOfRangeException(nameof(cap), cap, "Unknown hourly cap."),
    };

    internal static AttributeValue S(string value) => new() { S = value };

    internal static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    internal static AttributeValue Millis(DateTimeOffset instant) => N(instant.ToUnixTimeMilliseconds());

    internal static AttributeValue Seconds(DateTimeOffset instant) => N(instant.ToUnixTimeSeconds());

    /// <summary>The optional outcome attributes and their values (<c>null</c>: the attribute is removed).</summary>
    internal static IEnumerable<(string Name, AttributeValue? Value)> OptionalOutcomeAttributes(LedgerOutcome outcome)
    {
        yield return (LastAction, outcome.LastAction is { } action ? S(action) : null);
        yield return (LastOutcomeReason, outcome.LastOutcomeReason is { } reason ? S(reason) : null);
        yield return (OpsItemId, outcome.OpsItemId is { } opsItem ? S(opsItem) : null);
        yield return (FixStatementId, outcome.Fix is { } fix ? S(fix.StatementId) : null);
        yield return (FixFunctionArn, outcome.Fix is { } arnFix ? S(arnFix.FunctionArn) : null);
        yield return (FixQualifier, outcome.Fix?.Qualifier is { } qualifier ? S(qualifier) : null);
        yield return (LastNotifiedAt, outcome.LastNotifiedAt is { } notified ? Millis(notified) : null);
        foreach (var intentAttribute in IntentAttributes(outcome.Intent))
        {
            yield return intentAttribute;
        }

        var owed = outcome.OwedNotification;
        yield return (OwedTopicArn, owed is null ? null : S(owed.TopicArn));
        yield return (OwedMessage, owed is null ? null : S(owed.Message));
        yield return (OwedSubject, owed?.Subject is { } subject ? S(subject) : null);
        yield return (OwedStructure, owed?.MessageStructure is { } structure ? S(structure) : null);
        yield return (OwedAttributes, owed?.Attributes is { Count: > 0 } attributes
            ? new AttributeValue { M = attributes.ToDictionary(a => a.Key, a => S(a.Value), StringComparer.Ordinal) }
            : null);
        yield return (OwedDeduplicationId, owed?.DeduplicationId is { } deduplicationId ? S(deduplicationId) : null);
        yield return (OwedGroupId, owed?.GroupId is { } groupId ? S(groupId) : null);
        yield return (LastFailedInvocation, outcome.LastFailedInvocation is { } failedBy ? S(failedBy) : null);
    }

    /// <summary>The intent's attributes and their values (<c>null</c>: the attribute is removed).</summary>
    internal static IEnumerable<(string Name, AttributeValue? Value)> IntentAttributes(PermissionIntent? intent)
    {
        yield return (IntentStatementId, intent is null ? null : S(intent.StatementId));
        yield return (IntentFunctionArn, intent is null ? null : S(intent.FunctionArn));
        yield return (IntentQualifier, intent?.Qualifier is { } qualifier ? S(qualifier) : null);
        yield return (IntentSourceArn, intent is null ? null : S(intent.SourceArn));
    }

    /// <summary>The whole item of a record (for a put that creates or replaces it).</summary>
    internal static Dictionary<string, AttributeValue> From(LedgerRecord record)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [LedgerTableSchema.PartitionKey] = S(LedgerTableSchema.RecordKey(record.Key)),
            [State] = S(record.Outcome.State.ToString()),
            [Attempts] = N(record.Outcome.Attempts),
            [ConsecutiveFailures] = N(record.Outcome.ConsecutiveFailures),
            [FirstSeen] = Millis(record.FirstSeen),
            [LastSeen] = Millis(record.LastSeen),
            [Occurrences] = N(record.Occurrences),
            [LedgerTableSchema.TimeToLiveAttribute] = Seconds(record.ExpiresAt),
        };
        foreach (var (name, value) in OptionalOutcomeAttributes(record.Outcome))
        {
            if (value is not null)
            {
                item[name] = value;
            }
        }

        if (record.Lease is { } lease)
        {
            item[LeaseOwner] = S(lease.Holder);
            item[LeaseExpiresAt] = Millis(lease.ExpiresAt);
        }

        return item;
    }

    /// <summary>Reads a record item; a malformed item is a broken invariant, not an outcome.</summary>
    internal static LedgerRecord ToRecord(Dictionary<string, AttributeValue> item)
    {
        var key = RequiredString(item, LedgerTableSchema.PartitionKey, "?");
        if (!key.StartsWith(LedgerTableSchema.RecordKeyPrefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Ledger item '{key}' is not a remediation record.");
        }

        var rootCauseKey = key[LedgerTableSchema.RecordKeyPrefix.Length..];
        var stateText = RequiredString(item, State, key);
        // Names only: Enum.Parse would also accept "3" or "fixed", which no ledger ever writes.
        if (!Enum.GetNames<RemediationState>().Contains(stateText, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"Ledger item '{key}' has unknown state '{stateText}'.");
        }

        var state = Enum.Parse<RemediationState>(stateText);

        var statementId = OptionalString(item, FixStatementId);
        var functionArn = OptionalString(item, FixFunctionArn);
        var leaseOwner = OptionalString(item, LeaseOwner);
        return new LedgerRecord
        {
            Key = rootCauseKey,
            Outcome = new LedgerOutcome
            {
                State = state,
                Attempts = checked((int)RequiredNumber(item, Attempts, key)),
                ConsecutiveFailures = checked((int)RequiredNumber(item, ConsecutiveFailures, key)),
                LastAction = OptionalString(item, LastAction),
                LastOutcomeReason = OptionalString(item, LastOutcomeReason),
                OpsItemId = OptionalString(item, OpsItemId),
                Fix = statementId is not null && functionArn is not null
                    ? new AppliedPermission(statementId, functionArn, OptionalString(item, FixQualifier))
                    : null,
                LastNotifiedAt = OptionalNumber(item, LastNotifiedAt) is { } notified ? DateTimeOffset.FromUnixTimeMilliseconds(notified) : null,
                Intent = ReadIntent(item),
                OwedNotification = ReadOwed(item),
                LastFailedInvocation = OptionalString(item, LastFailedInvocation),
            },
            FirstSeen = DateTimeOffset.FromUnixTimeMilliseconds(RequiredNumber(item, FirstSeen, key)),
            LastSeen = DateTimeOffset.FromUnixTimeMilliseconds(RequiredNumber(item, LastSeen, key)),
            Occurrences = RequiredNumber(item, Occurrences, key),
            Lease = leaseOwner is not null
                ? new LedgerLease(rootCauseKey, leaseOwner, DateTimeOffset.FromUnixTimeMilliseconds(RequiredNumber(item, LeaseExpiresAt, key)))
                : null,
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(RequiredNumber(item, LedgerTableSchema.TimeToLiveAttribute, key)),
        };
    }

    private static PermissionIntent? ReadIntent(Dictionary<string, AttributeValue> item) =>
        OptionalString(item, IntentStatementId) is { } statementId
        && OptionalString(item, IntentFunctionArn) is { } functionArn
        && OptionalString(item, IntentSourceArn) is { } sourceArn
            ? new PermissionIntent(statementId, functionArn, OptionalString(item, IntentQualifier), sourceArn)
            : null;

    private static SnsMessage? ReadOwed(Dictionary<string, AttributeValue> item) =>
        OptionalString(item, OwedTopicArn) is { } topicArn && OptionalString(item, OwedMessage) is { } message
            ? new SnsMessage(
                topicArn,
                message,
                OptionalString(item, OwedSubject),
                OptionalString(item, OwedStructure),
                item.TryGetValue(OwedAttributes, out var attributes) && attributes.M is { Count: > 0 } map
                    ? map.Where(a => a.Value.S is not null).ToDictionary(a => a.Key, a => a.Value.S, StringComparer.Ordinal)
                    : null,
                OptionalString(item, OwedDeduplicationId),
                OptionalString(item, OwedGroupId))
            : null;

    /// <summary>A number attribute, or <c>null</c> when absent.</summary>
    internal static long? OptionalNumber(Dictionary<string, AttributeValue>? item, string name) =>
        item is not null && item.TryGetValue(name, out var value) && value.N is { } text
            ? long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : null;

    private static string? OptionalString(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    private static string RequiredString(Dictionary<string, AttributeValue> item, string name, string key) =>
        OptionalString(item, name) ?? throw new InvalidDataException($"Ledger item '{key}' lacks the string '{name}'.");

    private static long RequiredNumber(Dictionary<string, AttributeValue> item, string name, string key) =>
        OptionalNumber(item, name) ?? throw new InvalidDataException($"Ledger item '{key}' lacks the number '{name}'.");
}
