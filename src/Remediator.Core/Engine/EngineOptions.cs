namespace Remediator.Core.Engine;

/// <summary>
/// What the engine needs beyond <see cref="Configuration.RemediatorSettings"/>: where it runs (from STS and
/// the region of the clients) and the bounds of its own bookkeeping.
/// </summary>
public sealed record EngineOptions
{
    /// <summary>The account Remediator runs in (STS GetCallerIdentity): only APIs and functions of it are granted.</summary>
    public required string AccountId { get; init; }

    /// <summary>The region of the clients; APIs and functions elsewhere are not touched.</summary>
    public required string Region { get; init; }

    /// <summary>The function Remediator runs as (its name or ARN, when known): never granted, whatever the logs say.</summary>
    public string? OwnFunction { get; init; }

    /// <summary>How long a claim on a root cause lasts; the settle delay is added on top.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A ticket or recommendation for the same root cause and reason is not repeated within this interval.</summary>
    public TimeSpan NotificationInterval { get; init; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Distinct root causes (<see cref="LedgerKey"/>) one invocation claims, reads policies for and notifies
    /// about, at most; those a grant may fix come first, then the other ones with a resolved target. The rest end
    /// <see cref="Decisions.OutcomeReason.RootCauseCapReached"/> (ignored, unclaimed) and are taken up when a
    /// later batch shows them again. Bounds what a storm of distinct failures can cost in AWS calls and time.
    /// </summary>
    public int MaxRootCausesPerInvocation { get; init; } = 50;

    /// <summary>
    /// New OpsItems per UTC hour at most (updates of open ones are free): OpsCenter allows 10,000 per account and
    /// month, and 10 an hour is at most 7,440 in a month, leaving room for every other source of OpsItems.
    /// </summary>
    public int MaxNewTicketsPerHour { get; init; } = 10;

    /// <summary>
    /// How long writes that record what already happened (an outcome, a released lease) may go on after the
    /// invocation's cancellation; the host's safety margin before the deadline must be longer.
    /// </summary>
    public TimeSpan CleanupGrace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the scheduled sweep reads before it stops taking another API: what it read is settled and the rest is
    /// left to the next run, which goes on from the cursor in the ledger. With the template's 60-second timeout this
    /// leaves time for the settle delay, the writes and the digest.
    /// </summary>
    public TimeSpan SweepReadBudget { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// How long a pass waits for a root cause another invocation holds before it fails the invocation (so Lambda
    /// retries it): a live holder releases within seconds, a dead one's lease expires after <see cref="LeaseDuration"/>.
    /// </summary>
    public TimeSpan ClaimWait { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a waiting pass reads the lease again.</summary>
    public TimeSpan ClaimPoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Owed notifications one invocation sends at its end at most (<see cref="Ports.ILedger.ListOwedAsync"/>).</summary>
    public int MaxOwedPerInvocation { get; init; } = 10;

    /// <summary>Re-reads after 412 (policy changed) or 409 (statement appeared) before the pass fails and Lambda retries.</summary>
    public int MaxWriteAttempts { get; init; } = 3;
}
