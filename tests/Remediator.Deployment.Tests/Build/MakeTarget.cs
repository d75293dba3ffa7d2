using System.Diagnostics;
using Remediator.Deployment.Tests.Support;

namespace Remediator.Deployment.Tests.Build;

/// <summary>Runs a target of src/Remediator.Lambda/Makefile the way `sam build` does.</summary>
internal static class MakeTarget
{
    public static async Task<(int ExitCode, string Log)> RunAsync(params string[] arguments)
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
        var header = $"make {string.Join(' ', arguments)}: exit {process.ExitCode} after {clock.Elapsed.TotalSeconds:F1} s";
        return (process.ExitCode, header + "\n" + log);
    }
}
