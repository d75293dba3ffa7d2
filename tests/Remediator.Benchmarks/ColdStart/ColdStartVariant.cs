namespace Remediator.Benchmarks.ColdStart;

/// <summary>One published program to start: how to start it and what to call it in the table.</summary>
/// <param name="Name">Row label.</param>
/// <param name="Directory">The publish folder (the deployment package's content).</param>
/// <param name="FileName">Program to start.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="IsBaseline">True for the hello-world every ratio is taken against.</param>
internal sealed record ColdStartVariant(
    string Name,
    string Directory,
    string FileName,
    IReadOnlyList<string> Arguments,
    bool IsBaseline = false)
{
    /// <summary>Size of the package on disk (all files of the publish folder), in bytes.</summary>
    public long PackageBytes => new DirectoryInfo(Directory)
        .EnumerateFiles("*", SearchOption.AllDirectories)
        .Sum(file => file.Length);
}
