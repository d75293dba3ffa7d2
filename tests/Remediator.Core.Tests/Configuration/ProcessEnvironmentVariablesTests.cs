using Remediator.Core.Configuration;

namespace Remediator.Core.Tests.Configuration;

public class ProcessEnvironmentVariablesTests
{
    [Fact]
    public void SetGetAndNames_RoundTripThroughTheProcessEnvironment()
    {
        var environment = new ProcessEnvironmentVariables();
        // Not REMEDIATOR_-prefixed: a settings read elsewhere in this process must not see it as unknown.
        string name = "RMDTEST_" + Guid.NewGuid().ToString("N");
        try
        {
            environment.Set(name, "value");

            Assert.Equal("value", environment.Get(name));
            Assert.Equal("value", Environment.GetEnvironmentVariable(name));
            Assert.Contains(name, environment.GetNames());
        }
        finally
        {
            environment.Set(name, null);
        }

        Assert.Null(environment.Get(name));
        Assert.DoesNotContain(name, environment.GetNames());
    }
}
