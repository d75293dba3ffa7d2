using System.Diagnostics;
using System.Text.Json;

namespace Remediator.Sandbox.Tests.TestSupport;

/// <summary>
/// Runs the official AWS CLI against the sandbox, isolated from any real configuration (credentials test/test,
/// empty config files, no profile). Fails, never skips, when <c>aws</c> is not installed: it is the independent
/// client that proves the sandbox speaks the real protocols.
/// </summary>
public sealed class AwsCli : IDisposable
{
    private readonly string _executable;
    private readonly string _emptyConfig = Path.GetTempFileName();

    public AwsCli(Uri endpoint)
    {
        Endpoint = endpoint.ToString().TrimEnd('/');
        _executable = Find("aws") ?? throw new Xunit.Sdk.XunitException(
            "The AWS CLI ('aws') is not on PATH. Install it (Debian: apt-get install awscli; .ci/run does this) and run the tests again.");
    }

    public string Endpoint { get; }

    /// <summary>Runs <c>aws --endpoint-url ... --region us-east-1 {args} --output json</c>; fails the test on a non-zero exit.</summary>
    public async Task<JsonElement?> RunAsync(params string[] args)
    {
        var (exitCode, stdout, stderr) = await ExecuteAsync(args);
        Assert.True(exitCode == 0, $"aws {string.Join(' ', args)} exited {exitCode}: {stderr}");
        return string.IsNullOrWhiteSpace(stdout) ? null : JsonDocument.Parse(stdout).RootElement.Clone();
    }

    /// <summary>Runs the CLI and returns its exit code and error text, for calls expected to fail.</summary>
    public async Task<(int ExitCode, string Stderr)> FailAsync(params string[] args)
    {
        var (exitCode, _, stderr) = await ExecuteAsync(args);
        return (exitCode, stderr);
    }

    public void Dispose() => File.Delete(_emptyConfig);

    private async Task<(int ExitCode, string Stdout, string Stderr)> ExecuteAsync(string[] args)
    {
        var start = new ProcessStartInfo(_executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--endpoint-url", Endpoint, "--region", SandboxApi.Region, "--output", "json" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_CONFIG_FILE"] = _emptyConfig;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = _emptyConfig;
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
