namespace Remediator.Core.Ports;

/// <summary>The answer of the fixes-per-hour breaker.</summary>
/// <param name="Allowed"><c>true</c> when this fix was counted and may go ahead; <c>false</c> when the breaker is open.</param>
/// <param name="FixesThisHour">The hour's count after this request (unchanged when denied).</param>
/// <param name="Limit">The limit the request was checked against.</param>
/// <param name="HourStart">The start of the UTC hour that was counted.</param>
public sealed record FixBudget(bool Allowed, long FixesThisHour, int Limit, DateTimeOffset HourStart);
