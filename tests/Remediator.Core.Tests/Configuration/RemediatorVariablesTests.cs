using Remediator.Core.Configuration;

namespace Remediator.Core.Tests.Configuration;

public class RemediatorVariablesTests
{
    // Pinned: the SAM template, the README and operators' stacks use these exact names.
    [Fact]
    public void All_Names_ArePinned()
    {
        Assert.Equal(
            [
                "REMEDIATOR_MODE", "REMEDIATOR_TOPIC_ARN", "REMEDIATOR_LEDGER_TABLE", "REMEDIATOR_EXEMPT_TAG",
                "REMEDIATOR_ALLOW_FUNCTIONS", "REMEDIATOR_DENY_FUNCTIONS", "REMEDIATOR_STAGE_SCOPE",
                "REMEDIATOR_MAX_FIXES_PER_INVOCATION", "REMEDIATOR_MAX_FIXES_PER_HOUR", "REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR",
                "REMEDIATOR_SETTLE_SECONDS", "REMEDIATOR_MAX_ATTEMPTS", "REMEDIATOR_OWNERSHIP", "REMEDIATOR_TICKETS", "REMEDIATOR_OWNER_TAG",
            ],
            RemediatorVariables.All);
    }

    [Fact]
    public void All_EveryName_StartsWithPrefix()
    {
        Assert.All(RemediatorVariables.All, name => Assert.StartsWith(RemediatorVariables.Prefix, name, StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_ArePinned()
    {
        Assert.Equal(RemediatorMode.Observe, RemediatorVariables.DefaultMode);
        Assert.Equal("remediator:exempt", RemediatorVariables.DefaultExemptTag);
        Assert.Equal(StageScope.Stage, RemediatorVariables.DefaultStageScope);
        Assert.Equal(OwnershipProofs.Stack | OwnershipProofs.Tag, RemediatorVariables.DefaultOwnership);
        Assert.Equal(10, RemediatorVariables.DefaultMaxFixesPerInvocation);
        Assert.Equal(100, RemediatorVariables.DefaultMaxFixesPerHour);
        Assert.Equal(50, RemediatorVariables.DefaultMaxNotificationsPerHour);
        Assert.Equal(5, RemediatorVariables.DefaultSettleSeconds);
        Assert.Equal(3, RemediatorVariables.DefaultMaxAttempts);
        Assert.Equal(TicketMode.OpsCenter, RemediatorVariables.DefaultTickets);
    }

    [Fact]
    public void NewSettings_HoldTheDefaults()
    {
        var settings = new RemediatorSettings();

        Assert.Equal(RemediatorMode.Observe, settings.Mode);
        Assert.Null(settings.TopicArn);
        Assert.Null(settings.LedgerTable);
        Assert.Equal("remediator:exempt", settings.ExemptTag);
        Assert.Equal(FunctionNameFilter.AllowAll, settings.Functions);
        Assert.Equal(StageScope.Stage, settings.StageScope);
        Assert.Equal(10, settings.MaxFixesPerInvocation);
        Assert.Equal(100, settings.MaxFixesPerHour);
        Assert.Equal(50, settings.MaxNotificationsPerHour);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.SettleDelay);
        Assert.Equal(3, settings.MaxAttempts);
        Assert.Equal(OwnershipProofs.Stack | OwnershipProofs.Tag, settings.Ownership);
        Assert.Equal(TicketMode.OpsCenter, settings.Tickets);
    }

    [Theory]
    [InlineData(RemediatorMode.Observe, "observe")]
    [InlineData(RemediatorMode.Recommend, "recommend")]
    [InlineData(RemediatorMode.Enforce, "enforce")]
    public void ToConfigValue_EachMode_IsItsConfigurationSpelling(RemediatorMode mode, string expected)
    {
        Assert.Equal(expected, mode.ToConfigValue());
    }
}
