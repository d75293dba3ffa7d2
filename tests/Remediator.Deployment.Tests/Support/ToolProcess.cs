using System.Diagnostics;

namespace Remediator.Deployment.Tests.Support;

/// <summary>Runs a command-line tool the image ships (cfn-lint, terraform) and returns its exit code and output.</summary>
internal static class ToolProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, string? workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed or not on PATH (the image ships cfn-lint 1.51.0 and terraform 1.11; .ci/run checks for them): {e.Message}", e);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
