using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Remediator.Aws.Tests.Dynalite;

/// <summary>Starts node/npm with captured output and a message that says what to install when they are missing.</summary>
internal sealed class NodeProcess : IDisposable
{
    private const int MaxCapturedChars = 8_000;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>What the process wrote so far (the tail), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static NodeProcess Start(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var started = new NodeProcess(process);
        process.OutputDataReceived += (_, line) => started.Capture(line.Data);
        process.ErrorDataReceived += (_, line) => started.Capture(line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception missing)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"The ledger tests run dynalite (a DynamoDB implementation) on Node.js, but '{fileName}' could not be "
                + $"started: {missing.Message}. Install Node.js 18 or later with npm so that 'node' and 'npm' are on "
                + "PATH (bash .ci/run then installs dynalite; otherwise the tests run 'npm ci --prefix tests/tools').",
                missing);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public static async Task RunToCompletionAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var command = $"{fileName} {string.Join(' ', arguments)}";
        using var run = Start(fileName, arguments);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await run.Process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            run.Kill();
            throw new TimeoutException($"'{command}' did not finish within {timeout}. Output:\n{run.Output}");
        }

        if (run.Process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed with exit code {run.Process.ExitCode}. Output:\n{run.Output}");
        }
    }

    public void Kill()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill: nothing left to stop.
        }
    }

    public void Dispose() => Process.Dispose();

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > MaxCapturedChars)
            {
                _output.Remove(0, _output.Length - MaxCapturedChars);
            }
        }
    }
}
