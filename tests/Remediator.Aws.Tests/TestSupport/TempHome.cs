namespace Remediator.Aws.Tests.TestSupport;

/// <summary>A throw-away home directory holding <c>.aws/config</c>.</summary>
public sealed class TempHome : IDisposable
{
    public TempHome(string config)
    {
        Path = Directory.CreateTempSubdirectory("remediator-home-").FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(Path, ".aws"));
        File.WriteAllText(System.IO.Path.Combine(Path, ".aws", "config"), config);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
