using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Ports;

public class StageLoggingTests
{
    [Fact]
    public void Equals_SameOverridesInOtherInstances_IsEqual()
    {
        var one = new StageLogging("INFO", new Dictionary<string, string> { ["~1pets/GET"] = "OFF" }, "arn:aws:logs:us-east-1:123456789012:log-group:g");
        var two = new StageLogging("INFO", new Dictionary<string, string> { ["~1pets/GET"] = "OFF" }, "arn:aws:logs:us-east-1:123456789012:log-group:g");

        Assert.Equal(one, two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
    }

    [Fact]
    public void Equals_OtherOverrideLevel_IsNotEqual()
    {
        var one = new StageLogging("INFO", new Dictionary<string, string> { ["~1pets/GET"] = "OFF" }, null);

        Assert.NotEqual(one, one with { Overrides = new Dictionary<string, string> { ["~1pets/GET"] = "INFO" } });
        Assert.NotEqual(one, one with { Overrides = new Dictionary<string, string>() });
    }

    [Fact]
    public void None_LogsNothing()
    {
        Assert.Equal((null, 0, null), (StageLogging.None.LoggingLevel, StageLogging.None.Overrides.Count, StageLogging.None.AccessLogDestinationArn));
    }
}
