using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Revert;

namespace Remediator.Core.Engine;

/// <summary>
/// Whether a policy holds exactly the statement a plan adds: its deterministic id and Remediator's shape, the id
/// derived from the content (<see cref="StatementShape"/>). Under the lease, such a statement that appears after
/// Remediator recorded its intent (or sent AddPermission) is Remediator's own (docs/ARCHITECTURE.md, "Ledger and
/// root-cause key").
/// </summary>
internal static class OwnStatement
{
    /// <summary>True when <paramref name="policy"/> holds <paramref name="plan"/>'s statement, exactly as Remediator writes it.</summary>
    public static bool IsIn(FunctionPolicy? policy, GrantPlan plan) =>
        policy is not null
        && PolicyParser.Parse(policy.PolicyJson) is { IsSuccess: true } parsed
        && parsed.Value!.FindStatement(plan.Grant.StatementId) is { } statement
        && StatementShape.Refusal(statement, plan.Function) is null;

    /// <summary>The intent of <paramref name="plan"/>'s statement, as the ledger records it before AddPermission.</summary>
    public static PermissionIntent IntentOf(GrantPlan plan) =>
        new(plan.Grant.StatementId, plan.Grant.FunctionArn, plan.Grant.Qualifier, plan.Grant.SourceArn);
}
