namespace Remediator.Core.Configuration;

/// <summary>Every configuration variable name, default and bound, in one place (docs/ARCHITECTURE.md, "Configuration").
/// CLI flags of the same meaning override these values.</summary>
public static class RemediatorVariables
{
    /// <summary>Every Remediator variable starts with this; an unknown one is a configuration error.</summary>
    public const string Prefix = "REMEDIATOR_";

    /// <summary><c>observe</c> | <c>recommend</c> | <c>enforce</c>.</summary>
    public const string Mode = "REMEDIATOR_MODE";

    /// <summary>SNS topic for notifications; unset means no notifications (log lines only).</summary>
    public const string TopicArn = "REMEDIATOR_TOPIC_ARN";

    /// <summary>DynamoDB ledger table name; unset means the in-memory ledger (local use only).</summary>
    public const string LedgerTable = "REMEDIATOR_LEDGER_TABLE";

    /// <summary>Tag key that exempts a function from remediation.</summary>
    public const string ExemptTag = "REMEDIATOR_EXEMPT_TAG";

    /// <summary>Comma-separated function-name patterns with <c>*</c>; unset means every function.</summary>
    public const string AllowFunctions = "REMEDIATOR_ALLOW_FUNCTIONS";

    /// <summary>Comma-separated function-name patterns with <c>*</c>; a match is never remediated.</summary>
    public const string DenyFunctions = "REMEDIATOR_DENY_FUNCTIONS";

    /// <summary><c>stage</c> (the failing stage only) | <c>any</c> (<c>*</c> for the stage in the source ARN).</summary>
    public const string StageScope = "REMEDIATOR_STAGE_SCOPE";

    /// <summary>Fixes applied in one invocation at most.</summary>
    public const string MaxFixesPerInvocation = "REMEDIATOR_MAX_FIXES_PER_INVOCATION";

    /// <summary>Fixes applied per clock hour at most (the breaker).</summary>
    public const string MaxFixesPerHour = "REMEDIATOR_MAX_FIXES_PER_HOUR";

    /// <summary>Notifications published per clock hour at most; past it, outcomes are only logged and one summary says how many were held back.</summary>
    public const string MaxNotificationsPerHour = "REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR";

    /// <summary>Seconds to wait before re-reading the policy and writing (lets a concurrent fix or policy change settle).</summary>
    public const string SettleSeconds = "REMEDIATOR_SETTLE_SECONDS";

    /// <summary>Consecutive failed passes, or permission writes, on one root cause before it escalates to a ticket.</summary>
    public const string MaxAttempts = "REMEDIATOR_MAX_ATTEMPTS";

    /// <summary>The ownership proofs accepted before a grant: <c>stack,tag</c> | any subset | <c>none</c>.</summary>
    public const string Ownership = "REMEDIATOR_OWNERSHIP";

    /// <summary>Where tickets go: <c>opscenter</c> (OpsItems and notifications) | <c>sns</c> (notifications only) | <c>none</c>.</summary>
    public const string Tickets = "REMEDIATOR_TICKETS";

    /// <summary>Tag key whose value on a function names its owner: the <c>owner</c> attribute of notifications.</summary>
    public const string OwnerTag = "REMEDIATOR_OWNER_TAG";

    /// <summary>Every known variable, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Mode, TopicArn, LedgerTable, ExemptTag, AllowFunctions, DenyFunctions, StageScope,
        MaxFixesPerInvocation, MaxFixesPerHour, MaxNotificationsPerHour, SettleSeconds, MaxAttempts, Ownership, Tickets, OwnerTag,
    ];

    /// <summary>Observe is the default: a deployment without an explicit mode never changes anything.</summary>
    public const RemediatorMode DefaultMode = RemediatorMode.Observe;

    /// <summary>Tickets are OpsCenter OpsItems unless configured otherwise.</summary>
    public const TicketMode DefaultTickets = TicketMode.OpsCenter;

    /// <summary>Default exemption tag key.</summary>
    public const string DefaultExemptTag = "remediator:exempt";

    /// <summary>Default owner tag key.</summary>
    public const string DefaultOwnerTag = "owner";

    /// <summary>Least privilege: a grant names the failing stage; <c>*</c> (the console's habit) is opt-in.</summary>
    public const StageScope DefaultStageScope = Configuration.StageScope.Stage;

    /// <summary>Both proofs are accepted; <c>none</c> must be set explicitly.</summary>
    public const OwnershipProofs DefaultOwnership = OwnershipProofs.Stack | OwnershipProofs.Tag;

    /// <summary>The spelling of <see cref="OwnershipProofs.None"/> in <see cref="Ownership"/>.</summary>
    public const string OwnershipNone = "none";

    /// <summary>Logged at every start when <see cref="Ownership"/> is <c>none</c>.</summary>
    public const string OwnershipNoneWarning =
        "is none: every API editor is trusted, so anyone who may change API Gateway can obtain invoke rights for apigateway.amazonaws.com on any function of the account; set stack, tag or stack,tag to require a proof of ownership.";

    /// <summary>Default and bounds of <see cref="MaxFixesPerInvocation"/>.</summary>
    public const int DefaultMaxFixesPerInvocation = 10;

    /// <inheritdoc cref="DefaultMaxFixesPerInvocation"/>
    public const int MaxFixesPerInvocationLimit = 100;

    /// <summary>Default and bounds of <see cref="MaxFixesPerHour"/>.</summary>
    public const int DefaultMaxFixesPerHour = 100;

    /// <inheritdoc cref="DefaultMaxFixesPerHour"/>
    public const int MaxFixesPerHourLimit = 10_000;

    /// <summary>Default and bounds of <see cref="MaxNotificationsPerHour"/>.</summary>
    public const int DefaultMaxNotificationsPerHour = 50;

    /// <inheritdoc cref="DefaultMaxNotificationsPerHour"/>
    public const int MaxNotificationsPerHourLimit = 10_000;

    /// <summary>Default and bound of <see cref="SettleSeconds"/>; the bound stays well inside a Lambda timeout.</summary>
    public const int DefaultSettleSeconds = 5;

    /// <inheritdoc cref="DefaultSettleSeconds"/>
    public const int SettleSecondsLimit = 300;

    /// <summary>Default and bound of <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <inheritdoc cref="DefaultMaxAttempts"/>
    public const int MaxAttemptsLimit = 20;
}
