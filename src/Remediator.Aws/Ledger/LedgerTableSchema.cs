using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Remediator.Aws.Ledger;

/// <summary>
/// The ledger table's shape, which the deployment template must match: one table, partition key
/// <c>pk</c> (String) only, TTL on <c>expiresAt</c> (epoch seconds), on-demand billing;
/// <c>fp#&lt;fingerprint&gt;</c> items hold remediation records, <c>hour#&lt;yyyy-MM-ddTHH&gt;</c> items the hourly counters (fixes, notifications),
/// one <c>sweep#cursor</c> item where the last sweep stopped, and <c>outbox</c> the root causes that may owe a notification.
/// </summary>
public static class LedgerTableSchema
{
    /// <summary>The partition key attribute (String); the table has no sort key.</summary>
    public const string PartitionKey = "pk";

    /// <summary>The TTL attribute: epoch seconds after which DynamoDB may delete the item.</summary>
    public const string TimeToLiveAttribute = "expiresAt";

    /// <summary>Key prefix of remediation records.</summary>
    public const string RecordKeyPrefix = "fp#";

    /// <summary>Key prefix of hourly counters (fixes and notifications).</summary>
    public const string HourKeyPrefix = "hour#";

    /// <summary>The key of the item that says where the last sweep stopped.</summary>
    public const string SweepCursorKey = "sweep#cursor";

    /// <summary>
    /// The key of the one item listing the root causes that may owe a notification: one attribute per root cause,
    /// named <see cref="OwedAttributePrefix"/> + its key, whose value is a token that changes with every write.
    /// </summary>
    public const string OutboxKey = "outbox";

    /// <summary>Prefix of the outbox item's per-root-cause attributes.</summary>
    public const string OwedAttributePrefix = "owed#";

    /// <summary>The UTC hour in a counter key.</summary>
    public const string HourKeyFormat = "yyyy-MM-ddTHH";

    /// <summary>The key of a fingerprint's record.</summary>
    public static string RecordKey(string fingerprint) => RecordKeyPrefix + fingerprint;

    /// <summary>The key of the counter for the UTC hour containing <paramref name="instant"/>.</summary>
    public static string HourKey(DateTimeOffset instant) =>
        HourKeyPrefix + instant.UtcDateTime.ToString(HourKeyFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// A request that creates the table (tests, local setups). TTL is switched on separately
    /// (UpdateTimeToLive, or the deployment template).
    /// </summary>
    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        AttributeDefinitions = [new AttributeDefinition(PartitionKey, ScalarAttributeType.S)],
        KeySchema = [new KeySchemaElement(PartitionKey, KeyType.HASH)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
    };
}
