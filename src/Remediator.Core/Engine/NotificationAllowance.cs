using Remediator.Core.Configuration;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>
/// The notification cap of one invocation: the ledger's hourly count, shared by every instance, and the one summary
/// this invocation owes when the ledger gave it the hour's summary (docs/ARCHITECTURE.md, "Caps").
/// </summary>
internal sealed class NotificationAllowance(ILedger ledger, RemediatorSettings settings, EngineOptions options)
{
    private NotificationBudget? summaryDue;
    private long counted;

    /// <summary>Counts one notification; false when the hour's cap is reached and it must not be published.</summary>
    public async Task<bool> TakeAsync(CancellationToken cancellationToken)
    {
        NotificationBudget budget = await ledger.TryConsumeNotificationAsync(settings.MaxNotificationsPerHour, cancellationToken).ConfigureAwait(false);
        if (budget.SummaryDue)
        {
            summaryDue = budget;
        }

        if (summaryDue is { } due && due.HourStart == budget.HourStart)
        {
            counted = Math.Max(counted, budget.NotificationsThisHour);
        }

        return budget.Allowed;
    }

    /// <summary>The summary this invocation owes, once, with the hour's count as it last saw it; null when it owes none.</summary>
    public SuppressedNotifications? TakeSummary()
    {
        if (summaryDue is not { } due)
        {
            return null;
        }

        summaryDue = null;
        return new SuppressedNotifications(counted - due.Limit, due.Limit, due.HourStart, options.AccountId, options.Region);
    }
}
