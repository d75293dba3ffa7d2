using Remediator.Core.Audit;
using Remediator.Core.Decisions;

namespace Remediator.Core.Tests.Audit;

public class AuditClassifierTests
{
    [Theory]
    [InlineData(RemediationOutcome.AlreadyAllowed, OutcomeReason.PolicyAllows, AuditStatus.Allowed, false)]
    [InlineData(RemediationOutcome.AlreadyAllowed, OutcomeReason.AddedConcurrently, AuditStatus.Allowed, false)]
    [InlineData(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, AuditStatus.Missing, true)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.ExplicitDeny, AuditStatus.ExplicitDeny, true)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, AuditStatus.RoleBased, false)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.CrossAccountFunction, AuditStatus.CrossAccount, false)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.FunctionNotFound, AuditStatus.FunctionNotFound, true)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.AliasNotFound, AuditStatus.AliasNotFound, true)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.Unresolvable, AuditStatus.Unresolved, true)]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.LogControlPlaneMismatch, AuditStatus.Unresolved, true)]
    public void Classify_EngineDecision_IsTheAuditStatusAndItsWeight(RemediationOutcome outcome, OutcomeReason reason, AuditStatus expected, bool blocks)
    {
        AuditStatus status = AuditClassifier.Classify(new Decision(outcome, reason, "detail"));

        Assert.Equal((expected, blocks), (status, AuditClassifier.Blocks(status)));
    }
}
