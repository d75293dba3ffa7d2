using Remediator.Core.Ports;
using Remediator.Core.Revert;

namespace Remediator.Core.Tests.Revert;

public class RevertLedgerTests
{
    [Fact]
    public void Reverted_FixedRecord_StartsCountingAgainAndForgetsTheRemovedStatement()
    {
        var notified = DateTimeOffset.FromUnixTimeSeconds(1763703252);
        var fixedOutcome = new LedgerOutcome
        {
            State = RemediationState.Fixed,
            Attempts = 3,
            ConsecutiveFailures = 1,
            LastAction = "AddPermission",
            LastOutcomeReason = "PermissionMissing",
            OpsItemId = "oi-1",
            Fix = new AppliedPermission("remediator-x-0123456789abcdef", "arn:aws:lambda:us-east-1:123456789012:function:pets", null),
            LastNotifiedAt = notified,
        };

        LedgerOutcome reverted = RevertLedger.Reverted(fixedOutcome);

        Assert.Equal(
            new LedgerOutcome
            {
                State = RemediationState.Reverted,
                Attempts = 0,
                ConsecutiveFailures = 0,
                LastAction = "RemovePermission",
                LastOutcomeReason = "Reverted",
                OpsItemId = "oi-1",
                Fix = null,
                LastNotifiedAt = notified,
            },
            reverted);
    }
}
