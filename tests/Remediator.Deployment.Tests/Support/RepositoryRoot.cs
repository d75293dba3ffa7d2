namespace Remediator.Deployment.Tests.Support;

/// <summary>Finds the repository (the folder with Remediator.sln and template.yaml) from the test output folder.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// A file of the shared reference folder CI keeps beside the clone (../shared/reference), or beside an
    /// ancestor of it (git worktrees sit one level deeper), when it is there.
    /// </summary>
    public static string? SharedReference(params string[] parts)
    {
        for (var dir = new DirectoryInfo(Path).Parent; dir is not null; dir = dir.Parent)
        {
            var path = System.IO.Path.Combine([dir.FullName, "shared", "reference", .. parts]);
            if (System.IO.File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Remediator.sln"))
                && System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "template.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}");
    }
}
