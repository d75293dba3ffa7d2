namespace Remediator.Core.Decisions;

/// <summary>
/// Why a finding ended as it did. Stable names: they appear in logs, notifications, the ledger and the
/// CLI's JSON output.
/// </summary>
public enum OutcomeReason
{
    /// <summary>The verified integration lacks the invoke permission (Fixed, Recommended, Observed).</summary>
    PermissionMissing,

    /// <summary>The function's policy already allows the call (AlreadyAllowed).</summary>
    PolicyAllows,

    /// <summary>Another pass added Remediator's statement between our read and our write (AlreadyAllowed).</summary>
    AddedConcurrently,

    /// <summary>The integration or authorizer invokes with an IAM role: the role needs lambda:InvokeFunction.</summary>
    RoleBasedIntegration,

    /// <summary>The function is in another account than the API: never granted automatically.</summary>
    CrossAccountFunction,

    /// <summary>The function (or the version) the integration names does not exist.</summary>
    FunctionNotFound,

    /// <summary>The alias the integration names does not exist.</summary>
    AliasNotFound,

    /// <summary>Lambda refused the statement: the function policy would exceed 20 KB.</summary>
    PolicyTooLarge,

    /// <summary>The function the log names is not the one the control plane resolves: never granted.</summary>
    LogControlPlaneMismatch,

    /// <summary>The function is exempt by tag, name pattern or account, or its tags could not be read.</summary>
    Exempted,

    /// <summary>A fix cap (per invocation or per hour) was reached.</summary>
    BreakerOpen,

    /// <summary>The same root cause kept failing or kept needing a fix: a person should look.</summary>
    RepeatedFailure,

    /// <summary>An explicit Deny in the function policy blocks the call: adding an Allow would not help.</summary>
    ExplicitDeny,

    /// <summary>502: the function's response is not a Lambda proxy response.</summary>
    ProxyResponse,

    /// <summary>502: the runtime cannot read the deployment package's files.</summary>
    PackagePermissions,

    /// <summary>502: the configured handler or its module cannot be found.</summary>
    Handler,

    /// <summary>502: the function ran and failed with its own error.</summary>
    FunctionError,

    /// <summary>A 5xx none of the catalogued causes explains: notified with the evidence.</summary>
    UnrecognizedFailure,

    /// <summary>The control plane does not show what failed (API, stage, route, integration or policy unreadable, or ambiguous).</summary>
    Unresolvable,

    /// <summary>Another invocation holds this root cause's lease and is handling it.</summary>
    ClaimedElsewhere,

    /// <summary>The invocation's payload is not a CloudWatch Logs subscription payload.</summary>
    InvalidPayload,

    /// <summary>The log events belong to another account than the one Remediator runs in.</summary>
    ForeignAccount,

    /// <summary>The invocation already took on its cap of distinct root causes; a later batch brings this one back.</summary>
    RootCauseCapReached,

    /// <summary>
    /// Nothing proves that the function's owner wants this API to call it (no shared CloudFormation stack, no
    /// <c>remediator:managed</c> tag naming the API): never granted, recommended with the opt-in command.
    /// </summary>
    OwnershipUnproven,

    /// <summary>
    /// The lines did not come from where API Gateway writes them (execution logs on a stage whose logging is off,
    /// access-log lines outside the stage's destination): forged or stale, ignored without a message.
    /// </summary>
    LogSourceMismatch,

    /// <summary>Lambda refused Remediator's AddPermission (AccessDenied: an SCP, a permissions boundary or a control forbids it).</summary>
    WriteDenied,

    /// <summary>One log event's text is not Unicode (invalid UTF-8, an unpaired surrogate): it was not read; the rest of the batch was.</summary>
    UndecodableEvent,

    /// <summary>Lambda throttled the invocation (concurrency or rate): the function never ran.</summary>
    FunctionThrottled,

    /// <summary>The integration did not answer within API Gateway's integration timeout.</summary>
    IntegrationTimeout,

    /// <summary>API Gateway cannot assume the integration's or authorizer's credentials role: its trust policy is the fix.</summary>
    RoleTrust,

    /// <summary>A mapping template or a Lambda authorizer's answer is wrong: the API's or authorizer's configuration is the fix.</summary>
    IntegrationConfiguration,

    /// <summary>An EventBridge event's audit found nothing Remediator may grant (every target allowed or for people), or the change it reports failed.</summary>
    NothingToFix,
}
