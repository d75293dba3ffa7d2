namespace Remediator.Core.Notifications;

/// <summary>What the notification cap's summary says.</summary>
/// <param name="Suppressed">Notifications held back in the hour so far (as the ledger counted them).</param>
/// <param name="Limit">The cap, <c>REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR</c>.</param>
/// <param name="HourStart">The start of the UTC hour that was counted.</param>
/// <param name="AccountId">The account Remediator runs in.</param>
/// <param name="Region">The region Remediator runs in.</param>
public sealed record SuppressedNotifications(long Suppressed, int Limit, DateTimeOffset HourStart, string? AccountId, string? Region)
{
    /// <summary>The IAM alias of <see cref="AccountId"/>, when it could be read.</summary>
    public string? AccountAlias { get; init; }
}
