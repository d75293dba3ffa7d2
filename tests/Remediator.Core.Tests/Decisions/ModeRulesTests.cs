using Remediator.Core.Configuration;
using Remediator.Core.Decisions;

namespace Remediator.Core.Tests.Decisions;

public class ModeRulesTests
{
    [Theory]
    [InlineData(RemediatorMode.Enforce, RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, RemediationOutcome.Fixed)]
    [InlineData(RemediatorMode.Recommend, RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, RemediationOutcome.Recommended)]
    [InlineData(RemediatorMode.Observe, RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, RemediationOutcome.Observed)]
    [InlineData(RemediatorMode.Enforce, RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, RemediationOutcome.Ticket)]
    [InlineData(RemediatorMode.Recommend, RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, RemediationOutcome.Ticket)]
    [InlineData(RemediatorMode.Observe, RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, RemediationOutcome.Observed)]
    [InlineData(RemediatorMode.Observe, RemediationOutcome.AlreadyAllowed, OutcomeReason.PolicyAllows, RemediationOutcome.AlreadyAllowed)]
    [InlineData(RemediatorMode.Recommend, RemediationOutcome.AlreadyAllowed, OutcomeReason.PolicyAllows, RemediationOutcome.AlreadyAllowed)]
    [InlineData(RemediatorMode.Observe, RemediationOutcome.Ignored, OutcomeReason.ClaimedElsewhere, RemediationOutcome.Ignored)]
    [InlineData(RemediatorMode.Enforce, RemediationOutcome.Ignored, OutcomeReason.ForeignAccount, RemediationOutcome.Ignored)]
    public void Apply_Table_KeepsTheReason(RemediatorMode mode, RemediationOutcome enforced, OutcomeReason reason, RemediationOutcome expected)
    {
        Decision decision = ModeRules.Apply(mode, new Decision(enforced, reason, "why"));

        Assert.Equal((expected, reason), (decision.Outcome, decision.Reason));
        Assert.Contains("why", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Observe_SaysWhatEnforceWouldDo()
    {
        Decision decision = ModeRules.Apply(RemediatorMode.Observe, Decision.Ticket(OutcomeReason.Exempted, "tagged"));

        Assert.StartsWith("observe mode, nothing written or notified; enforce mode would open a ticket (Exempted)", decision.Detail, StringComparison.Ordinal);
    }
}
