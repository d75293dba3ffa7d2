namespace Remediator.Core.Ports;

/// <summary>The answer of an hourly cap (<see cref="HourlyCap"/>): whether one more was counted, and the hour's count.</summary>
/// <param name="Allowed"><c>true</c> when this one was counted and may go ahead; <c>false</c> when the cap is reached.</param>
/// <param name="CountThisHour">The hour's count after this request (unchanged when denied).</param>
/// <param name="Limit">The limit the request was checked against.</param>
/// <param name="HourStart">The start of the UTC hour that was counted.</param>
public sealed record HourlyBudget(bool Allowed, long CountThisHour, int Limit, DateTimeOffset HourStart);
