using System.Diagnostics;

namespace Remediator.Benchmarks.ColdStart;

/// <summary>Publishes the three programs the harness compares, the way each is deployed.</summary>
internal static class ColdStartArtifacts
{
    public const string ManagedName = "Remediator, managed dotnet10 (framework-dependent R2R, Makefile)";
    public const string ProvidedName = "Remediator, provided.al2023 (self-contained R2R, bootstrap)";
    public const string HelloName = "hello-world (framework-dependent R2R)";

    /// <summary>Publishes into <paramref name="work"/> and returns the variants, baseline first.</summary>
    public static IReadOnlyList<ColdStartVariant> Publish(string repositoryRoot, string work, TextWriter output)
    {
        string lambdaProject = Path.Combine(repositoryRoot, "src", "Remediator.Lambda", "Remediator.Lambda.csproj");
        string helloProject = Path.Combine(repositoryRoot, "tests", "Remediator.HelloLambda", "Remediator.HelloLambda.csproj");
        string managed = Path.Combine(work, "managed");
        string provided = Path.Combine(work, "provided");
        string hello = Path.Combine(work, "hello");

        // (1) Exactly what `sam build` deploys: the Makefile target.
        Run(output, "make", "-C", Path.GetDirectoryName(lambdaProject)!, "build-RemediatorFunction",
            $"ARTIFACTS_DIR={managed}", $"BUILD_DIR={Path.Combine(work, "build-managed")}");

        // (2) The provided.al2023 package: self-contained, ReadyToRun (the project default), with `bootstrap`.
        Run(output, "dotnet", "publish", lambdaProject, "--configuration", "Release", "--runtime", "linux-x64",
            "--self-contained", "true", "-p:PublishReadyToRun=true",
            "--artifacts-path", Path.Combine(work, "build-provided"), "--output", provided, "--nologo");

        // (3) The baseline, published like (1).
        Run(output, "dotnet", "publish", helloProject, "--configuration", "Release", "--runtime", "linux-x64",
            "--self-contained", "false", "-p:PublishReadyToRun=true",
            "--artifacts-path", Path.Combine(work, "build-hello"), "--output", hello, "--nologo");

        return
        [
            new ColdStartVariant(HelloName, hello, "dotnet", [Path.Combine(hello, "Remediator.HelloLambda.dll")], IsBaseline: true),
            new ColdStartVariant(ManagedName, managed, "dotnet", [Path.Combine(managed, "Remediator.Lambda.dll")]),
            new ColdStartVariant(ProvidedName, provided, Path.Combine(provided, "bootstrap"), []),
        ];
    }

    private static void Run(TextWriter output, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // When started from `dotnet run`, MSBuild variables would point the child build at this build's state.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        output.WriteLine($"$ {fileName} {string.Join(' ', arguments)}");
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }
    }
}
