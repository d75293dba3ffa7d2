namespace Remediator.Core.Configuration;

/// <summary>Validated configuration (docs/ARCHITECTURE.md, "Configuration"). Build it with
/// <see cref="RemediatorSettingsReader"/>; a new instance holds the documented defaults.</summary>
public sealed record RemediatorSettings
{
    /// <summary>What Remediator may do.</summary>
    public RemediatorMode Mode { get; init; } = RemediatorVariables.DefaultMode;

    /// <summary>SNS topic ARN for notifications, or null for none.</summary>
    public string? TopicArn { get; init; }

    /// <summary>DynamoDB ledger table name, or null for the in-memory ledger (local use only).</summary>
    public string? LedgerTable { get; init; }

    /// <summary>Tag key that exempts a function.</summary>
    public string ExemptTag { get; init; } = RemediatorVariables.DefaultExemptTag;

    /// <summary>Tag key whose value on a function routes its notifications (the <c>owner</c> attribute).</summary>
    public string OwnerTag { get; init; } = RemediatorVariables.DefaultOwnerTag;

    /// <summary>Function-name allow and deny patterns.</summary>
    public FunctionNameFilter Functions { get; init; } = FunctionNameFilter.AllowAll;

    /// <summary>Stage part of granted source ARNs.</summary>
    public StageScope StageScope { get; init; } = RemediatorVariables.DefaultStageScope;

    /// <summary>Fixes applied in one invocation at most.</summary>
    public int MaxFixesPerInvocation { get; init; } = RemediatorVariables.DefaultMaxFixesPerInvocation;

    /// <summary>Fixes applied per clock hour at most.</summary>
    public int MaxFixesPerHour { get; init; } = RemediatorVariables.DefaultMaxFixesPerHour;

    /// <summary>Notifications published per clock hour at most (the ledger counts them across instances).</summary>
    public int MaxNotificationsPerHour { get; init; } = RemediatorVariables.DefaultMaxNotificationsPerHour;

    /// <summary>Wait before the fresh policy read that precedes a write.</summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromSeconds(RemediatorVariables.DefaultSettleSeconds);

    /// <summary>Consecutive failed passes, or permission writes, on one root cause before it escalates to a ticket.</summary>
    public int MaxAttempts { get; init; } = RemediatorVariables.DefaultMaxAttempts;

    /// <summary>The ownership proofs accepted before a grant; <see cref="OwnershipProofs.None"/> trusts every API editor.</summary>
    public OwnershipProofs Ownership { get; init; } = RemediatorVariables.DefaultOwnership;

    /// <summary>Where tickets go: OpsCenter OpsItems (and notifications), notifications only, or nowhere.</summary>
    public TicketMode Tickets { get; init; } = RemediatorVariables.DefaultTickets;
}
