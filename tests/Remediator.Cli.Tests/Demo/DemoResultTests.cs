using Remediator.Cli.Demo;

namespace Remediator.Cli.Tests.Demo;

public sealed class DemoResultTests
{
    [Theory]
    [InlineData(false, true, true, true, true, true, true, "the API did not fail with 500")]
    [InlineData(true, false, true, true, true, true, true, "no execution log lines were delivered")]
    [InlineData(true, true, false, true, true, true, true, "Remediator did not add the permission")]
    [InlineData(true, true, true, false, true, true, true, "no SNS notification was published")]
    [InlineData(true, true, true, true, false, true, true, "the API did not answer 200 after the fix")]
    [InlineData(true, true, true, true, true, false, true, "recommend mode opened no OpsCenter OpsItem")]
    [InlineData(true, true, true, true, true, true, false, "the OpsItem was not resolved once the permission was added")]
    public void Missing_OnePartDidNotHappen_NamesIt(bool failed, bool delivered, bool added, bool notified, bool recovered, bool opened, bool resolved, string missing)
    {
        var result = new DemoResult(failed, delivered, added, notified, recovered, opened, resolved);

        Assert.False(result.Completed);
        Assert.Equal(missing, result.Missing);
    }

    [Fact]
    public void Completed_EveryPartHappened_IsTrueWithNothingMissing()
    {
        var result = new DemoResult(true, true, true, true, true, true, true);

        Assert.True(result.Completed);
        Assert.Null(result.Missing);
    }
}
