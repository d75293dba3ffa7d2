namespace Remediator.Aws.Tests.TestSupport;

/// <summary>Reads files under Fixtures/.</summary>
public static class Fixture
{
    public static string Text(params string[] path) =>
        File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "Fixtures", .. path]));
}
