using System.Security.Cryptography;
using System.Text;

namespace Remediator.Aws.Tests.Dynalite;

/// <summary>
/// Finds the npm-installed test servers under <c>tests/tools</c>, installing them once (<c>npm ci</c>) when a
/// fresh checkout lacks them, so a plain <c>dotnet test</c> works. Test processes that start together (one per
/// test project) serialize the install through a file lock.
/// </summary>
internal static class TestTools
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The repository's <c>tests/tools</c> folder, found by walking up from the test binaries.</summary>
    public static string ToolsDirectory { get; } = FindToolsDirectory();

    /// <summary>The dynalite command-line entry point, installed if missing.</summary>
    public static async Task<string> EnsureDynaliteAsync(CancellationToken cancellationToken)
    {
        var cli = Path.Combine(ToolsDirectory, "node_modules", "dynalite", "cli.js");
        if (File.Exists(cli))
        {
            return cli;
        }

        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            using var fileLock = await AcquireFileLockAsync(cancellationToken);
            if (!File.Exists(cli))
            {
                await NodeProcess.RunToCompletionAsync(
                    "npm",
                    ["ci", "--prefix", ToolsDirectory, "--no-audit", "--no-fund", "--loglevel=error"],
                    InstallTimeout,
                    cancellationToken);
            }
        }
        finally
        {
            InstallGate.Release();
        }

        return File.Exists(cli)
            ? cli
            : throw new InvalidOperationException($"'npm ci --prefix {ToolsDirectory}' succeeded but '{cli}' is still missing.");
    }

    private static async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        // The lock lives in the temp folder, keyed by checkout, so the repository stays clean.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ToolsDirectory)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"remediator-npm-ci-{key}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static string FindToolsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var tools = Path.Combine(directory.FullName, "tests", "tools");
            if (File.Exists(Path.Combine(tools, "package.json")))
            {
                return tools;
            }
        }

        throw new InvalidOperationException($"No tests/tools/package.json above '{AppContext.BaseDirectory}'.");
    }
}
