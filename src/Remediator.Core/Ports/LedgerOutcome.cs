namespace Remediator.Core.Ports;

/// <summary>
/// The part of a record that a completed pass writes. Values are absolute: start from the claimed record's
/// <see cref="LedgerRecord.Outcome"/> and change what the pass changed, e.g.
/// <c>record.Outcome with { State = RemediationState.Fixed, Attempts = record.Outcome.Attempts + 1 }</c>.
/// A <c>null</c> optional value clears the stored one.
/// </summary>
public sealed record LedgerOutcome
{
    /// <summary>The outcome of a root-cause key nobody has completed a pass on.</summary>
    public static LedgerOutcome Pending { get; } = new() { State = RemediationState.Pending };

    /// <summary>Where the root-cause key stands.</summary>
    public required RemediationState State { get; init; }

    /// <summary>How many times Remediator tried to fix it.</summary>
    public int Attempts { get; init; }

    /// <summary>Failed passes since the last success; past a threshold the engine escalates to a ticket.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The last action taken (for example <c>AddPermission</c>, <c>Notify</c>, <c>Ticket</c>).</summary>
    public string? LastAction { get; init; }

    /// <summary>The reason code of the last outcome (for example <c>role-based-integration</c>).</summary>
    public string? LastOutcomeReason { get; init; }

    /// <summary>
    /// The OpsCenter OpsItem that tracks it, while Remediator has not resolved it: kept across passes (a repeat
    /// updates that item), cleared when Remediator verifies the root cause healthy and resolves it.
    /// </summary>
    public string? OpsItemId { get; init; }

    /// <summary>The statement Remediator added, if any; keep it across later passes so revert stays possible.</summary>
    public AppliedPermission? Fix { get; init; }

    /// <summary>When a notification about it was last published.</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>
    /// The statement a pass recorded it was about to add and whose fate no completed pass has seen yet (the pass
    /// died or failed after recording it); cleared by the completion that records the fix or finds it absent.
    /// </summary>
    public PermissionIntent? Intent { get; init; }

    /// <summary>
    /// A notification SNS refused or could not be reached for: it is owed, and the next pass that holds the lease
    /// (or the end-of-invocation sweep) publishes it and clears it.
    /// </summary>
    public SnsMessage? OwedNotification { get; init; }

    /// <summary>The invocation whose failed pass was counted last in <see cref="ConsecutiveFailures"/>, so its retries are not counted again.</summary>
    public string? LastFailedInvocation { get; init; }
}
