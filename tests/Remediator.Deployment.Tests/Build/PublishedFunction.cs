namespace Remediator.Deployment.Tests.Build;

/// <summary>
/// The deployable folder, built once per test run with the SAM build target
/// (make build-RemediatorFunction ARTIFACTS_DIR=...): a publish takes tens of seconds.
/// </summary>
public sealed class PublishedFunction : IAsyncLifetime
{
    private readonly DirectoryInfo _artifacts = Directory.CreateTempSubdirectory("remediator-artifacts-");
    private readonly DirectoryInfo _intermediate = Directory.CreateTempSubdirectory("remediator-build-");

    /// <summary>ARTIFACTS_DIR: what SAM would zip and deploy.</summary>
    public string ArtifactsDir => _artifacts.FullName;

    public int ExitCode { get; private set; } = -1;

    /// <summary>The make command, its exit code and duration, then its output.</summary>
    public string Log { get; private set; } = string.Empty;

    public string PathOf(string name) => Path.Combine(ArtifactsDir, name);

    public async Task InitializeAsync() =>
        (ExitCode, Log) = await MakeTarget.RunAsync(
            "build-RemediatorFunction", $"ARTIFACTS_DIR={_artifacts.FullName}", $"BUILD_DIR={_intermediate.FullName}");

    public Task DisposeAsync()
    {
        _artifacts.Delete(recursive: true);
        _intermediate.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
