namespace Remediator.Core.Ports;

/// <summary>The answer of the notifications-per-hour cap.</summary>
/// <param name="Allowed"><c>true</c> when this notification may be published; <c>false</c> when the hour's cap is reached.</param>
/// <param name="NotificationsThisHour">The hour's count after this request, suppressed ones included.</param>
/// <param name="Limit">The limit the request was checked against.</param>
/// <param name="HourStart">The start of the UTC hour that was counted.</param>
/// <param name="SummaryDue">
/// <c>true</c> for exactly one suppressed request per hour, across every instance: its caller sends the one message that
/// says how many notifications were suppressed.
/// </param>
public sealed record NotificationBudget(bool Allowed, long NotificationsThisHour, int Limit, DateTimeOffset HourStart, bool SummaryDue);
