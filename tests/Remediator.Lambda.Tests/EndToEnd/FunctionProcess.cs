using System.Collections.Concurrent;
using System.Diagnostics;

namespace Remediator.Lambda.Tests.EndToEnd;

/// <summary>The published function running as its own process, as the managed runtime starts it
/// (<c>dotnet Remediator.Lambda.dll</c>), with only the variables given (no developer AWS setup).</summary>
public sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private FunctionProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Lines written to standard output so far (Lambda turns each into a log event).</summary>
    public IReadOnlyList<string> StdoutLines => [.. _stdout];

    /// <summary>Lines written to standard error so far.</summary>
    public IReadOnlyList<string> StderrLines => [.. _stderr];

    public static FunctionProcess Start(string entryAssembly, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(entryAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(entryAssembly);
        foreach (string key in start.Environment.Keys
            .Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("REMEDIATOR_", StringComparison.Ordinal))
            .ToList())
        {
            start.Environment.Remove(key);
        }

        foreach ((string name, string value) in variables)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var function = new FunctionProcess(process);
        process.OutputDataReceived += (_, line) => Keep(function._stdout, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(function._stderr, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return function;
    }

    /// <summary>Completes when the process has exited, however it ended.</summary>
    public Task Exited => _process.WaitForExitAsync();

    /// <summary>Kills the process at once (SIGKILL), as a crash or Lambda's hard stop would.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Sends SIGTERM, as Lambda does before shutting an environment down, and waits for the exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(guard.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
