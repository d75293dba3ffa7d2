using System.Text.Json;
using System.Text.RegularExpressions;
using Remediator.Core.Diagnosis;
using Remediator.Emulation.Logs;

namespace Remediator.Deployment.Tests.Template;

/// <summary>The subscription filter pattern delivers every catalogued failure line and no healthy line.</summary>
public partial class SubscriptionFilterPatternTests
{
    private static readonly string RawPattern = MappingPattern("Raw");

    // catalogue row, log source, message (the citation column is for people).
    public static TheoryData<string, string, string> FailureLines()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in FixtureLines("failure-lines.tsv"))
        {
            var fields = line.Split('\t');
            Assert.Equal(4, fields.Length);
            data.Add(fields[0], fields[1], fields[2]);
        }

        return data;
    }

    public static TheoryData<string> HealthyLines() => [.. FixtureLines("healthy-lines.txt")];

    [Theory]
    [MemberData(nameof(FailureLines))]
    public void Pattern_CataloguedFailureLine_IsDelivered(string row, string source, string message)
    {
        Assert.True(FilterPattern.Parse(RawPattern).Matches(message), $"{row} ({source}) would not reach Remediator: {message}");
    }

    [Theory]
    [MemberData(nameof(FailureLines))]
    public void Pattern_CataloguedFailureLine_MatchesOnWholeWords(string row, string source, string message)
    {
        // CloudWatch documents terms by example only; a phrase bounded by non-word characters matches under
        // both readings (substring or whole words), so the pattern does not depend on which one AWS uses.
        var bounded = PatternPhrases(RawPattern).Where(phrase => OccursOnWordBoundaries(message, phrase)).ToList();

        Assert.True(bounded.Count > 0, $"{row} ({source}) matches only inside a word: {message}");
    }

    [Theory]
    [MemberData(nameof(HealthyLines))]
    public void Pattern_HealthyRequestLine_IsNotDelivered(string message)
    {
        Assert.False(FilterPattern.Parse(RawPattern).Matches(message), $"a healthy line would invoke Remediator: {message}");
    }

    [Fact]
    public void Pattern_Fixtures_CoverEveryCatalogueRowAndSource()
    {
        var rows = FailureLines().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var sources = FailureLines().Select(row => (string)row[1]).ToHashSet(StringComparer.Ordinal);

        // The filter is checked against the catalogue: a row the pattern would not deliver is a row never diagnosed.
        Assert.Equal(FailureCatalogue.Lines.Select(line => line.Id).ToHashSet(StringComparer.Ordinal), rows);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal) { "rest-execution", "websocket-execution", "http-access-json", "http-access-clf" },
            sources);
        Assert.True(HealthyLines().Count >= 30, "the healthy request sample is too small to mean anything");
    }

    [Fact]
    public void Pattern_Fixtures_CiteWhereTheLinesAddedWithTheCatalogueWerePublished()
    {
        var citations = FixtureLines("failure-lines.tsv").Select(line => line.Split('\t')[3]).ToList();

        Assert.All(citations, c => Assert.True(c == "-" || c.StartsWith("https://", StringComparison.Ordinal), c));
        Assert.True(citations.Count(c => c != "-") >= 15, "the lines of the newer rows cite their sources");
    }

    [Fact]
    public void Pattern_IsAlternativesOfQuotedPhrasesWithinTheCloudWatchLimit()
    {
        var pattern = FilterPattern.Parse(RawPattern);

        Assert.Equal(FilterPatternKind.Terms, pattern.Kind);
        Assert.InRange(RawPattern.Length, 1, 1024);
        Assert.Matches(@"^\?""[^""]+""( \?""[^""]+"")*$", RawPattern);
    }

    [Fact]
    public void Pattern_JsonEscapedSpelling_DecodesToTheRawPattern()
    {
        var decoded = JsonSerializer.Deserialize<string>("\"" + MappingPattern("JsonEscaped") + "\"");

        Assert.Equal(RawPattern, decoded);
    }

    private static string MappingPattern(string spelling) =>
        JsonTree.Text(SamTemplate.Default.Mappings["FailureFilter"]!["Pattern"]![spelling]);

    private static IEnumerable<string> PatternPhrases(string pattern) =>
        QuotedPhrase().Matches(pattern).Select(m => m.Groups[1].Value);

    private static bool OccursOnWordBoundaries(string message, string phrase)
    {
        for (var at = message.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = message.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(message[at - 1]);
            var endsWord = end == message.Length || !char.IsLetterOrDigit(message[end]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> FixtureLines(string name) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "log-lines", name))
            .Where(line => line.Length > 0 && !line.StartsWith('#'));

    [GeneratedRegex(@"\?""([^""]+)""")]
    private static partial Regex QuotedPhrase();
}
