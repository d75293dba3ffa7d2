using Remediator.Core.Configuration;

namespace Remediator.Core.Tests.Configuration;

public class InMemoryEnvironmentVariablesTests
{
    [Fact]
    public void Set_ValueThenNull_AddsThenRemoves()
    {
        var environment = new InMemoryEnvironmentVariables();

        environment.Set("A", "1");
        Assert.Equal("1", environment.Get("A"));
        Assert.Equal(["A"], environment.GetNames());

        environment.Set("A", null);
        Assert.Null(environment.Get("A"));
        Assert.Empty(environment.GetNames());
    }

    [Fact]
    public void Get_NamesAreCaseSensitive()
    {
        var environment = new InMemoryEnvironmentVariables([KeyValuePair.Create("REMEDIATOR_MODE", "enforce")]);

        Assert.Null(environment.Get("remediator_mode"));
    }
}
