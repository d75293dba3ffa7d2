using Remediator.Core.Decisions;

namespace Remediator.Core.Audit;

/// <summary>
/// Maps the engine's decision on a target (the same checks, plan and policy verdict a fix goes through) to an
/// audit status, and says which statuses mean API Gateway cannot invoke the target as configured.
/// </summary>
public static class AuditClassifier
{
    /// <summary>The audit status of a decision reached in enforce terms.</summary>
    public static AuditStatus Classify(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Reason switch
        {
            OutcomeReason.PolicyAllows or OutcomeReason.AddedConcurrently => AuditStatus.Allowed,
            OutcomeReason.PermissionMissing => AuditStatus.Missing,
            OutcomeReason.ExplicitDeny => AuditStatus.ExplicitDeny,
            OutcomeReason.RoleBasedIntegration => AuditStatus.RoleBased,
            OutcomeReason.CrossAccountFunction => AuditStatus.CrossAccount,
            OutcomeReason.FunctionNotFound => AuditStatus.FunctionNotFound,
            OutcomeReason.AliasNotFound => AuditStatus.AliasNotFound,
            _ => AuditStatus.Unresolved,
        };
    }

    /// <summary>
    /// True when calls through the target fail as configured: a missing permission, a Deny, a missing function or
    /// alias, or a target that cannot be judged (failing closed). Role-based and cross-account targets depend on
    /// policies outside the function's own and are reported, not counted.
    /// </summary>
    public static bool Blocks(AuditStatus status) => status is AuditStatus.Missing or AuditStatus.ExplicitDeny
        or AuditStatus.FunctionNotFound or AuditStatus.AliasNotFound or AuditStatus.Unresolved;
}
