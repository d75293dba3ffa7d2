using System.Text;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Deployment.Tests.Support;

namespace Remediator.Deployment.Tests.Docs;

/// <summary>The README's failure catalogue is the catalogue: one row per documented line shape, with its kind and remedy.</summary>
public class ReadmeCatalogueTests
{
    private const string Begin = "<!-- failure-catalogue:begin (generated from FailureCatalogue and KindRules; ReadmeCatalogueTests checks it) -->";
    private const string End = "<!-- failure-catalogue:end -->";

    [Fact]
    public void Readme_FailureCatalogue_IsTheCatalogueTable()
    {
        // The expected table, beside the test assembly, to paste into the README when the catalogue changes.
        string expected = Render();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "readme-failure-catalogue.md"), expected);
        string readme = File.ReadAllText(RepositoryRoot.File("README.md")).ReplaceLineEndings("\n");
        int begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        int end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"README.md lacks the catalogue markers {Begin} … {End}");
        string table = readme[(begin + Begin.Length)..end].Trim('\n');

        Assert.Equal(expected, table);
    }

    [Fact]
    public void Render_EveryCatalogueRowAndKind_AppearsOnce()
    {
        string[] rows = Render().Split('\n')[2..];

        Assert.Equal(FailureCatalogue.Lines.Count, rows.Length);
        Assert.All(KindRules.Remedies, remedy => Assert.Contains(rows, row => row.Contains($"| `{remedy.Kind}` |", StringComparison.Ordinal)));
    }

    private static string Render()
    {
        var text = new StringBuilder("| log | evidence | kind | what Remediator does |\n|---|---|---|---|");
        foreach (CatalogueLine line in FailureCatalogue.Lines)
        {
            KindRemedy remedy = KindRules.Of(line.Kind);
            string log = line.Log == CatalogueLog.ExecutionLog ? "REST, WebSocket" : "HTTP API access";
            string action = remedy.Reason is { } reason ? $"ticket `{reason}`: {remedy.Remedy}" : remedy.Remedy;
            text.Append('\n').Append($"| {log} | {line.Evidence} | `{line.Kind}` | {action} |");
        }

        return text.ToString();
    }
}
