using System.Reflection;

namespace Remediator.Cli.Tests;

/// <summary>One exit-code table for every command, with one meaning per number, documented once in README.md.</summary>
public sealed class ExitCodesTests
{
    private static readonly IReadOnlyDictionary<string, int> Table = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [nameof(ExitCodes.Success)] = 0,
        [nameof(ExitCodes.ActionNeeded)] = 1,
        [nameof(ExitCodes.BadInput)] = 2,
        [nameof(ExitCodes.AwsFailure)] = 3,
        [nameof(ExitCodes.DemoIncomplete)] = 4,
        [nameof(ExitCodes.InternalError)] = 5,
        [nameof(ExitCodes.Interrupted)] = 130,
    };

    [Fact]
    public void ExitCodes_Table_IsPinned() =>
        Assert.Equal(Table.OrderBy(code => code.Value), Codes().OrderBy(code => code.Value));

    [Fact]
    public void ExitCodes_EveryNumber_HasOneMeaning()
    {
        IReadOnlyDictionary<string, int> codes = Codes();

        Assert.Equal(codes.Count, codes.Values.Distinct().Count());
    }

    [Fact]
    public void Readme_ExitCodesSection_IsTheTable()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        int start = readme.IndexOf("\n## Exit codes\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Exit codes' section");
        int end = readme.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        string section = readme[start..(end < 0 ? readme.Length : end)];

        var documented = section.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(line[2]))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[2].Trim('`'), cells => int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

        Assert.Equal(Table.OrderBy(code => code.Value), documented.OrderBy(code => code.Value));
    }

    private static Dictionary<string, int> Codes() =>
        typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .ToDictionary(field => field.Name, field => (int)field.GetRawConstantValue()!, StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Remediator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Remediator.sln not found above " + AppContext.BaseDirectory);
    }
}
