using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

/// <summary>Policies for tests: fixture files (shapes from AWS documentation) and small inline ones.</summary>
internal static class PolicyFixtures
{
    public static string Load(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Policy", name));

    public static PolicyDocument Parse(string json)
    {
        var result = PolicyParser.Parse(json);
        Assert.True(result.IsSuccess, result.Error);
        return result.Value;
    }

    public static PolicyDocument LoadParsed(string name) => Parse(Load(name));

    /// <summary>A policy document around the given statement objects.</summary>
    public static string PolicyOf(params string[] statements) =>
        $$"""{"Version":"2012-10-17","Id":"default","Statement":[{{string.Join(',', statements)}}]}""";
}
