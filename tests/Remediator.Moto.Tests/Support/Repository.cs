namespace Remediator.Moto.Tests.Support;

/// <summary>The repository checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding <c>Remediator.sln</c>, found by walking up from the test binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Remediator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Remediator.sln above {AppContext.BaseDirectory}.");
    }
}
