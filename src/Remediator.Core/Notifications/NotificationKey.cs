using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Remediator.Core.Notifications;

/// <summary>
/// What makes one notification the same notification when a retry sends it again: its deduplication id (the same for
/// every pass that announces the same thing, so an SNS FIFO topic delivers it once) and its message group (one per
/// root cause, so a root cause's messages keep their order). Standard topics take neither (docs/ARCHITECTURE.md,
/// "Ledger and root-cause key", Notifications).
/// </summary>
/// <param name="DeduplicationId">SNS's <c>MessageDeduplicationId</c>: at most 128 characters of letters, digits and punctuation.</param>
/// <param name="GroupId">SNS's <c>MessageGroupId</c>, same shape.</param>
public sealed record NotificationKey(string DeduplicationId, string GroupId)
{
    /// <summary>The group of the messages that belong to no root cause (the cap's summary, the sweep's digest).</summary>
    public const string RunGroup = "remediator";

    /// <summary>
    /// The key of the message about root cause <paramref name="ledgerKey"/> ending in <paramref name="outcome"/>, decided
    /// from a record last notified at <paramref name="lastNotifiedAt"/> (a retry reads the same record; the next time
    /// the root cause is told, the record says it was told, so the key changes) for statement <paramref name="statementId"/>.
    /// </summary>
    public static NotificationKey ForOutcome(string ledgerKey, string outcome, string reason, string? statementId, DateTimeOffset? lastNotifiedAt) =>
        new(
            Hash("outcome", ledgerKey, outcome, reason, statementId, lastNotifiedAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            Hash("root-cause", ledgerKey));

    /// <summary>The key of the one summary of the notification cap for the hour starting at <paramref name="hourStart"/>.</summary>
    public static NotificationKey ForSummary(string? accountId, string? region, DateTimeOffset hourStart) =>
        new(Hash("summary", accountId, region, hourStart.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)), RunGroup);

    /// <summary>The key of the digest of the sweep that EventBridge event <paramref name="eventId"/> started (Lambda retries it with the same event).</summary>
    public static NotificationKey ForDigest(string eventId, string? startedAfter) =>
        new(Hash("digest", eventId, startedAfter), RunGroup);

    // SHA-256 of the parts, each length-prefixed so no two lists of parts share an encoding; 64 hex characters.
    private static string Hash(params string?[] parts)
    {
        var text = new StringBuilder();
        foreach (string? part in parts)
        {
            text.Append(part is null ? "-1" : part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
