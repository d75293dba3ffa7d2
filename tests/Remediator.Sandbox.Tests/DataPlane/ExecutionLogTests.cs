using Remediator.Sandbox.DataPlane;

namespace Remediator.Sandbox.Tests.DataPlane;

public sealed class ExecutionLogTests
{
    [Fact]
    public void Render_LongLine_CutsAt1024WithTruncatedMarker()
    {
        var log = new ExecutionLog("r-1").Info("Method request body before transformations: " + new string('x', 2000));

        var line = Assert.Single(log.Render("INFO"));

        Assert.Equal(ExecutionLogText.MaxEventLength, line.Length);
        Assert.StartsWith("(r-1) Method request body", line, StringComparison.Ordinal);
        Assert.EndsWith(" [TRUNCATED]", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INFO", 2)]
    [InlineData("info", 2)]
    [InlineData("ERROR", 1)]
    [InlineData("OFF", 0)]
    [InlineData(null, 0)]
    public void Render_Level_FiltersLines(string? level, int expected)
    {
        var log = new ExecutionLog("r").Info("info line").Error(ExecutionLogText.InvalidPermissions);

        Assert.Equal(expected, log.Render(level).Count);
    }

    [Fact]
    public void Map_Entries_PrintsJavaStyleMap()
    {
        Assert.Equal("{a=1, b=2}", ExecutionLogText.Map([new("a", "1"), new("b", "2")]));
        Assert.Equal("{}", ExecutionLogText.Map([]));
    }
}
