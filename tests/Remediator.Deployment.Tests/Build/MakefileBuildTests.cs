using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Remediator.Deployment.Tests.Build;

/// <summary>
/// Runs the SAM build target exactly as `sam build` does (make build-RemediatorFunction with ARTIFACTS_DIR)
/// and checks the deployable folder: framework-dependent, ReadyToRun for linux-x64.
/// </summary>
[Collection(PublishedFunctionCollection.Name)]
public sealed class MakefileBuildTests : IDisposable
{
    // ReadyToRun images store the target OS in the PE machine field: machine = architecture XOR OS value.
    private const ushort LinuxMachineOverride = 0x7B79;

    private readonly PublishedFunction _function;
    private readonly ITestOutputHelper _output;
    private readonly DirectoryInfo _intermediate = Directory.CreateTempSubdirectory("remediator-build-");

    public MakefileBuildTests(PublishedFunction function, ITestOutputHelper output)
    {
        _function = function;
        _output = output;
    }

    [Fact]
    public void BuildTarget_WritesAFrameworkDependentReadyToRunFunctionToArtifactsDir()
    {
        _output.WriteLine(_function.Log);

        Assert.True(_function.ExitCode == 0, $"make exited with {_function.ExitCode}:\n{_function.Log}");
        var files = new DirectoryInfo(_function.ArtifactsDir).GetFiles().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "Remediator.Lambda.dll", "Remediator.Lambda.runtimeconfig.json", "Remediator.Lambda.deps.json",
                "Remediator.Core.dll", "Remediator.Aws.dll",
            },
            files);
        Assert.DoesNotContain("libcoreclr.so", files);

        var runtimeOptions = JsonNode.Parse(File.ReadAllText(_function.PathOf("Remediator.Lambda.runtimeconfig.json")))!["runtimeOptions"]!;
        Assert.Equal("net10.0", runtimeOptions["tfm"]!.GetValue<string>());
        Assert.Null(runtimeOptions["includedFrameworks"]);
        var frameworks = runtimeOptions["frameworks"] is JsonArray list ? list : new JsonArray(runtimeOptions["framework"]!.DeepClone());
        Assert.Contains(frameworks, f => f!["name"]!.GetValue<string>() == "Microsoft.NETCore.App");

        foreach (var assembly in new[] { "Remediator.Lambda.dll", "Remediator.Core.dll" })
        {
            using var pe = new PEReader(File.OpenRead(_function.PathOf(assembly)));
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} is not ReadyToRun");
            Assert.Equal((ushort)Machine.Amd64, (ushort)((ushort)pe.PEHeaders.CoffHeader.Machine ^ LinuxMachineOverride));
        }
    }

    [Fact]
    public async Task BuildTarget_WithoutArtifactsDir_FailsWithAReason()
    {
        var (exitCode, log) = await MakeTarget.RunAsync("build-RemediatorFunction", "ARTIFACTS_DIR=", $"BUILD_DIR={_intermediate.FullName}");
        _output.WriteLine(log);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ARTIFACTS_DIR is not set", log, StringComparison.Ordinal);
    }

    public void Dispose() => _intermediate.Delete(recursive: true);
}
