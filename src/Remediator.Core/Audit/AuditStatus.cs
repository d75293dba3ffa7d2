namespace Remediator.Core.Audit;

/// <summary>What the control plane and the function policy say about one Lambda target of one stage.</summary>
public enum AuditStatus
{
    /// <summary>The function policy allows API Gateway's call from this method, route or authorizer.</summary>
    Allowed,

    /// <summary>Nothing allows the call: the grant Remediator would add is reported with the entry.</summary>
    Missing,

    /// <summary>An explicit Deny in the function policy blocks the call; an Allow would not help.</summary>
    ExplicitDeny,

    /// <summary>The integration invokes with an IAM role: the role's policy decides, not the function's.</summary>
    RoleBased,

    /// <summary>The function is in another account: its owner must grant the call.</summary>
    CrossAccount,

    /// <summary>The function (or the version) the integration names does not exist.</summary>
    FunctionNotFound,

    /// <summary>The alias the integration names does not exist.</summary>
    AliasNotFound,

    /// <summary>The target cannot be judged: an unset stage variable, an unreadable policy, another region, ...</summary>
    Unresolved,
}
