using Remediator.Core.Decisions;

namespace Remediator.Core.Tests.Decisions;

public class OutcomeReasonTests
{
    // Logs, notifications (the "reason" attribute), the ledger and the CLI's JSON carry these names: renaming one breaks filters.
    [Fact]
    public void Names_ArePinned() => Assert.Equal(
        [
            "PermissionMissing", "PolicyAllows", "AddedConcurrently", "RoleBasedIntegration", "CrossAccountFunction",
            "FunctionNotFound", "AliasNotFound", "PolicyTooLarge", "LogControlPlaneMismatch", "Exempted", "BreakerOpen",
            "RepeatedFailure", "ExplicitDeny", "ProxyResponse", "PackagePermissions", "Handler", "FunctionError",
            "UnrecognizedFailure", "Unresolvable", "ClaimedElsewhere", "InvalidPayload", "ForeignAccount", "RootCauseCapReached",
            "OwnershipUnproven", "LogSourceMismatch", "WriteDenied", "UndecodableEvent", "FunctionThrottled", "IntegrationTimeout", "RoleTrust",
            "IntegrationConfiguration", "NothingToFix",
        ],
        Enum.GetNames<OutcomeReason>());

    [Fact]
    public void Outcomes_ArePinned() =>
        Assert.Equal(["Fixed", "AlreadyAllowed", "Recommended", "Observed", "Ticket", "Ignored"], Enum.GetNames<RemediationOutcome>());
}
