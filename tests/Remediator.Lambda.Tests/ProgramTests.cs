using System.Diagnostics;
using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Lambda.Hosting;
using Remediator.Lambda.Runtime;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Lambda.Tests;

/// <summary>The built entry point as its own process against the Runtime API fake: what Lambda sees.</summary>
public sealed class ProgramTests : IAsyncLifetime
{
    private RuntimeApiFake _fake = null!;

    public async Task InitializeAsync() => _fake = await RuntimeApiFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static async Task<(int ExitCode, string Stdout)> RunEntryPointAsync(IReadOnlyDictionary<string, string?> variables)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Remediator.Lambda.dll"));
        foreach (string name in start.Environment.Keys.Where(name => name.StartsWith(RemediatorVariables.Prefix, StringComparison.Ordinal)
            || name == RuntimeApiConstants.RuntimeApiVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string? value) in variables)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The entry point did not exit: " + await stderr);
        }

        return (process.ExitCode, await stdout);
    }

    [Fact]
    public async Task Main_InvalidSettings_PostsInitErrorAndExitsWithFailure()
    {
        (int exitCode, string stdout) = await RunEntryPointAsync(new Dictionary<string, string?>
        {
            [RuntimeApiConstants.RuntimeApiVariable] = _fake.Address,
            [RemediatorVariables.MaxFixesPerHour] = "many",
        });

        Assert.Equal(LambdaHost.Failed, exitCode);
        RuntimeApiResult initError = Assert.Single(_fake.InitErrors);
        Assert.Equal(RuntimeApiConstants.ConfigInvalidErrorType, initError.ErrorTypeHeader);
        Assert.Contains("REMEDIATOR_MAX_FIXES_PER_HOUR: 'many' is not a whole number", initError.BodyText, StringComparison.Ordinal);
        using JsonDocument line = JsonDocument.Parse(stdout.Trim());
        Assert.Equal("ERROR", line.RootElement.GetProperty("level").GetString());
        Assert.Equal(0, _fake.NextRequestCount);
    }

    [Fact]
    public async Task Main_NoRuntimeApi_ExitsWithItsOwnCode()
    {
        (int exitCode, string stdout) = await RunEntryPointAsync(new Dictionary<string, string?>());

        Assert.Equal(LambdaHost.NoRuntimeApi, exitCode);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", stdout, StringComparison.Ordinal);
    }
}
