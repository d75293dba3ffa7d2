using System.Diagnostics;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using Remediator.Deployment.Tests.Support;
using Xunit.Abstractions;

namespace Remediator.Deployment.Tests.Build;

/// <summary>
/// Runs the SAM build target exactly as `sam build` does (make build-RemediatorFunction with ARTIFACTS_DIR)
/// and checks the deployable folder: framework-dependent, ReadyToRun for linux-x64.
/// </summary>
public sealed class MakefileBuildTests : IDisposable
{
    // ReadyToRun images store the target OS in the PE machine field: machine = architecture XOR OS value.
    private const ushort LinuxMachineOverride = 0x7B79;

    private readonly ITestOutputHelper _output;
    private readonly DirectoryInfo _artifacts = Directory.CreateTempSubdirectory("remediator-artifacts-");
    private readonly DirectoryInfo _intermediate = Directory.CreateTempSubdirectory("remediator-build-");

    public MakefileBuildTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task BuildTarget_WritesAFrameworkDependentReadyToRunFunctionToArtifactsDir()
    {
        var (exitCode, log) = await RunMakeAsync(
            "build-RemediatorFunction", $"ARTIFACTS_DIR={_artifacts.FullName}", $"BUILD_DIR={_intermediate.FullName}");

        Assert.True(exitCode == 0, $"make exited with {exitCode}:\n{log}");
        var files = _artifacts.GetFiles().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "Remediator.Lambda.dll", "Remediator.Lambda.runtimeconfig.json", "Remediator.Lambda.deps.json",
                "Remediator.Core.dll", "Remediator.Aws.dll",
            },
            files);
        Assert.DoesNotContain("libcoreclr.so", files);

        var runtimeOptions = JsonNode.Parse(File.ReadAllText(Path.Combine(_artifacts.FullName, "Remediator.Lambda.runtimeconfig.json")))!["runtimeOptions"]!;
        Assert.Equal("net10.0", runtimeOptions["tfm"]!.GetValue<string>());
        Assert.Null(runtimeOptions["includedFrameworks"]);
        var frameworks = runtimeOptions["frameworks"] is JsonArray list ? list : new JsonArray(runtimeOptions["framework"]!.DeepClone());
        Assert.Contains(frameworks, f => f!["name"]!.GetValue<string>() == "Microsoft.NETCore.App");

        foreach (var assembly in new[] { "Remediator.Lambda.dll", "Remediator.Core.dll" })
        {
            using var pe = new PEReader(File.OpenRead(Path.Combine(_artifacts.FullName, assembly)));
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} is not ReadyToRun");
            Assert.Equal((ushort)Machine.Amd64, (ushort)((ushort)pe.PEHeaders.CoffHeader.Machine ^ LinuxMachineOverride));
        }
    }

    [Fact]
    public async Task BuildTarget_WithoutArtifactsDir_FailsWithAReason()
    {
        var (exitCode, log) = await RunMakeAsync("build-RemediatorFunction", "ARTIFACTS_DIR=", $"BUILD_DIR={_intermediate.FullName}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ARTIFACTS_DIR is not set", log, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _artifacts.Delete(recursive: true);
        _intermediate.Delete(recursive: true);
    }

    private async Task<(int ExitCode, string Log)> RunMakeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("make")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(RepositoryRoot.File("src", "Remediator.Lambda"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the test's own SDK state.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung build, not a performance assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(guard.Token);
        var log = await stdout + await stderr;
        _output.WriteLine($"make {string.Join(' ', arguments)}: exit {process.ExitCode} after {clock.Elapsed.TotalSeconds:F1} s");
        _output.WriteLine(log);
        return (process.ExitCode, log);
    }
}
