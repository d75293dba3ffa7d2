using System.Diagnostics;

namespace Remediator.Lambda.Tests.EndToEnd;

/// <summary>
/// The deployable artifact, built once per test run exactly as <c>sam build</c> builds it: the
/// Makefile's <c>build-RemediatorFunction</c> target (framework-dependent ReadyToRun for linux-x64)
/// into a temporary folder, with its own intermediate folder so it never races the test build.
/// </summary>
public sealed class PublishedFunction : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("remediator-e2e-");

    /// <summary>The folder SAM would zip and upload.</summary>
    public string Folder => Path.Combine(_work.FullName, "artifacts");

    /// <summary>The entry assembly the managed dotnet10 runtime starts.</summary>
    public string EntryAssembly => Path.Combine(Folder, "Remediator.Lambda.dll");

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("make")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "-C", Path.Combine(RepositoryRoot(), "src", "Remediator.Lambda"), "build-RemediatorFunction",
            $"ARTIFACTS_DIR={Folder}", $"BUILD_DIR={Path.Combine(_work.FullName, "build")}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the test build's state.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung build, not a performance assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(guard.Token);
        if (process.ExitCode != 0 || !File.Exists(EntryAssembly))
        {
            throw new InvalidOperationException($"make build-RemediatorFunction exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    public Task DisposeAsync()
    {
        _work.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Remediator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}");
    }
}
