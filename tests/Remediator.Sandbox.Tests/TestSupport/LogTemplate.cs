namespace Remediator.Sandbox.Tests.TestSupport;

/// <summary>Compares log events with a fixture template: placeholders filled in, <c>...</c> ends a prefix match.</summary>
public static class LogTemplate
{
    public static void AssertMatches(string fixture, IReadOnlyDictionary<string, string> values, IReadOnlyList<string> actual)
    {
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture))
            .Where(l => !l.StartsWith('#'))
            .Select(l => values.Aggregate(l, (line, v) => line.Replace("{" + v.Key + "}", v.Value, StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].EndsWith("...", StringComparison.Ordinal))
            {
                Assert.StartsWith(expected[i][..^3], actual[i], StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(expected[i], actual[i]);
            }
        }
    }
}
