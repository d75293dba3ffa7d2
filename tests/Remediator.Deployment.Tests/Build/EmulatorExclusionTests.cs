using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;

namespace Remediator.Deployment.Tests.Build;

/// <summary>
/// The deployed function carries only what it runs: the sandbox and the emulator code the sandbox and the tests
/// share (Remediator.Emulation) stay out of the package. Reads metadata only; nothing published is loaded.
/// </summary>
[Collection(PublishedFunctionCollection.Name)]
public sealed class EmulatorExclusionTests(PublishedFunction function)
{
    private static readonly string[] BenchAssemblies = ["Remediator.Sandbox", "Remediator.Emulation"];

    /// <summary>
    /// Types that once lived in product assemblies and now live in Remediator.Emulation: defined there, and in no
    /// published assembly (moving one back fails here).
    /// </summary>
    public static TheoryData<string> EmulatorTypes =>
    [
        "FilterPattern", "FilterPatternException", "FilterPatternKind", "FilterTerm", "JsonCondition",
        "JsonPatternLexer", "JsonPatternParser", "JsonPatternToken", "JsonPatternTokenKind", "JsonPatternValue",
        "JsonSelector", "PatternText", "TermPattern",
        "SubscriptionPayloadEncoder",
        "SigV4Verifier", "SigV4Verification", "SigV4Failure", "SigV4Authorization", "AmzDate",
        "StaticCredentialsProvider",
    ];

    [Fact]
    public void PublishOutput_HasNoSandboxOrEmulationAssembly()
    {
        Assert.True(function.ExitCode == 0, $"make exited with {function.ExitCode}:\n{function.Log}");
        var files = Directory.GetFiles(function.ArtifactsDir, "*", SearchOption.AllDirectories).Select(Path.GetFileName);
        foreach (var assembly in BenchAssemblies)
        {
            Assert.DoesNotContain(files, f => f!.StartsWith(assembly + ".", StringComparison.OrdinalIgnoreCase));
        }

        var libraries = JsonNode.Parse(File.ReadAllText(function.PathOf("Remediator.Lambda.deps.json")))!["libraries"]!.AsObject();
        Assert.DoesNotContain(libraries, l => BenchAssemblies.Any(a => l.Key.StartsWith(a + "/", StringComparison.Ordinal)));
    }

    [Fact]
    public void PublishedAssemblies_ReferenceNeitherSandboxNorEmulation()
    {
        foreach (var (file, metadata) in PublishedProductAssemblies())
        {
            var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name));
            Assert.All(references, r => Assert.DoesNotContain(r, BenchAssemblies));
            Assert.True(references.Any(), $"{file}: no assembly references read");
        }
    }

    [Theory]
    [MemberData(nameof(EmulatorTypes))]
    public void EmulatorType_IsDefinedInEmulationAndInNoPublishedAssembly(string name)
    {
        Assert.Contains(name, TypeNames(Path.Combine(AppContext.BaseDirectory, "Remediator.Emulation.dll")).Select(t => t.Name));

        foreach (var (file, metadata) in PublishedProductAssemblies())
        {
            var defined = TypeNames(metadata).Where(t => t.Name == name).Select(t => $"{t.Namespace}.{t.Name}");
            Assert.True(!defined.Any(), $"{file} defines {string.Join(", ", defined)}");
        }
    }

    [Fact]
    public void PublishedAssemblies_DefineNoTopLevelTypeOfTheEmulationAssembly()
    {
        // Catches emulator types added after the list above was written, should one be copied into the product.
        var emulation = TypeNames(Path.Combine(AppContext.BaseDirectory, "Remediator.Emulation.dll"))
            .Where(t => t.Namespace.StartsWith("Remediator.Emulation", StringComparison.Ordinal) && t.TopLevel)
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(emulation);

        foreach (var (file, metadata) in PublishedProductAssemblies())
        {
            var clashes = TypeNames(metadata).Where(t => t.TopLevel && emulation.Contains(t.Name)).Select(t => $"{t.Namespace}.{t.Name}");
            Assert.True(!clashes.Any(), $"{file} defines emulator types: {string.Join(", ", clashes)}");
        }
    }

    /// <summary>Every Remediator assembly in the package (the function and the libraries it runs).</summary>
    private IEnumerable<(string File, MetadataReader Metadata)> PublishedProductAssemblies()
    {
        Assert.True(function.ExitCode == 0, $"make exited with {function.ExitCode}:\n{function.Log}");
        var files = Directory.GetFiles(function.ArtifactsDir, "Remediator.*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(files, f => Path.GetFileName(f) == "Remediator.Lambda.dll");
        foreach (var file in files)
        {
            using var pe = new PEReader(File.OpenRead(file));
            yield return (Path.GetFileName(file), pe.GetMetadataReader());
        }
    }

    private static List<(string Namespace, string Name, bool TopLevel)> TypeNames(string file)
    {
        using var pe = new PEReader(File.OpenRead(file));
        return TypeNames(pe.GetMetadataReader());
    }

    private static List<(string Namespace, string Name, bool TopLevel)> TypeNames(MetadataReader metadata) =>
        metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Select(t => (metadata.GetString(t.Namespace), metadata.GetString(t.Name), t.GetDeclaringType().IsNil))
            .ToList();
}
