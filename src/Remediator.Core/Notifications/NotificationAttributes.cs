namespace Remediator.Core.Notifications;

/// <summary>SNS message attribute names (subscription filter policies depend on them).</summary>
public static class NotificationAttributes
{
    /// <summary><c>Fixed</c>, <c>Recommended</c> or <c>Ticket</c> (<see cref="SummaryOutcome"/> for the notification cap's summary).</summary>
    public const string Outcome = "outcome";

    /// <summary>The outcome reason, e.g. <c>RoleBasedIntegration</c>.</summary>
    public const string Reason = "reason";

    /// <summary>The finding kind, e.g. <c>MissingInvokePermission</c>.</summary>
    public const string Kind = "kind";

    /// <summary>The API id.</summary>
    public const string ApiId = "apiId";

    /// <summary>The function's name (not its ARN).</summary>
    public const string FunctionName = "functionName";

    /// <summary>The account Remediator runs in.</summary>
    public const string AccountId = "accountId";

    /// <summary>That account's IAM alias, when Remediator could read it (a central topic hears from many accounts).</summary>
    public const string AccountAlias = "accountAlias";

    /// <summary><c>high</c>, <c>medium</c> or <c>info</c> (<see cref="NotificationSeverity"/>).</summary>
    public const string Severity = "severity";

    /// <summary>The value of the function's owner tag (<c>REMEDIATOR_OWNER_TAG</c>, default <c>owner</c>), when it has a routable shape.</summary>
    public const string Owner = "owner";

    /// <summary>The <see cref="Outcome"/> of the message that says how many notifications the hourly cap held back.</summary>
    public const string SummaryOutcome = "Summary";

    /// <summary>The <see cref="Reason"/> of that message.</summary>
    public const string NotificationCapReason = "NotificationCapReached";

    /// <summary>The OpsCenter OpsItem that tracks the root cause, when there is one.</summary>
    public const string OpsItemId = "opsItemId";
}
