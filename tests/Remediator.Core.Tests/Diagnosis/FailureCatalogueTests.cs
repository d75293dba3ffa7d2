using System.Text.Json;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Diagnosis;

/// <summary>The diagnosis is checked against the catalogue: every row has a fixture of cited log text that diagnoses as the row says.</summary>
public class FailureCatalogueTests
{
    // Catalogue row → the message fixtures that show it (Fixtures/messages; sources beside the lines).
    private static readonly Dictionary<string, string[]> FixturesByRow = new(StringComparer.Ordinal)
    {
        ["invalid-permissions"] = ["rest-missing-permission-info.json", "rest-missing-permission-error.json", "websocket-missing-permission-info.json"],
        ["authorizer-invalid-permissions"] = ["rest-authorizer-permission-info.json", "rest-authorizer-permission-error.json"],
        ["role-not-assumable"] = ["rest-role-not-assumable.json"],
        ["authorizer-role-not-assumable"] = ["rest-authorizer-role-not-assumable.json"],
        ["lambda-throttled"] = ["rest-throttled-rate-exceeded.json"],
        ["throttled-behind-malformed-response"] = ["rest-throttled-behind-malformed.json"],
        ["malformed-proxy-response"] = ["rest-malformed-proxy-response.json"],
        ["package-permission-denied"] = ["rest-package-permission-denied.json"],
        ["handler-not-found"] = ["rest-handler-missing-on-module.json", "rest-unable-to-import-module.json", "rest-node-handler-not-found.json"],
        ["malformed-handler-name"] = ["rest-node-malformed-handler.json", "rest-python-malformed-handler.json"],
        ["customer-function-error"] = ["rest-function-error.json"],
        ["integration-timeout"] = ["rest-integration-timeout.json"],
        ["mapping-template"] = ["rest-mapping-template.json"],
        ["authorizer-response"] = ["rest-authorizer-invalid-json.json"],
        ["unrecognized"] = ["rest-unrecognized-output-mapping.json"],
        ["http-integration-permission"] = ["http-json-missing-permission.json", "http-clf-missing-permission.json", "http-json-permission-typographic.json"],
        ["http-authorizer-permission"] = ["http-json-authorizer-permission.json", "http-clf-authorizer-permission.json"],
        ["http-role-not-assumable"] = ["http-clf-role-not-assumable.json"],
        ["http-function-error"] = ["http-json-function-error.json"],
    };

    public static TheoryData<string, string> RowFixtures()
    {
        var data = new TheoryData<string, string>();
        foreach ((string row, string[] fixtures) in FixturesByRow)
        {
            foreach (string fixture in fixtures)
            {
                data.Add(row, fixture);
            }
        }

        return data;
    }

    [Fact]
    public void Lines_EveryRow_HasAFixtureAndEveryFixtureARow()
    {
        Assert.Equal(
            FailureCatalogue.Lines.Select(line => line.Id).Order(StringComparer.Ordinal),
            FixturesByRow.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lines_Ids_AreUniqueAndEveryKindHasARowAndARemedy()
    {
        Assert.Equal(FailureCatalogue.Lines.Count, FailureCatalogue.Lines.Select(line => line.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enum.GetValues<FindingKind>().Order(), FailureCatalogue.Lines.Select(line => line.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<FindingKind>().Order(), KindRules.Remedies.Select(remedy => remedy.Kind).Order());
    }

    [Theory]
    [MemberData(nameof(RowFixtures))]
    public void Diagnose_RowFixture_YieldsOneFindingOfTheRowsKind(string row, string fixture)
    {
        CatalogueLine line = FailureCatalogue.Lines.Single(l => l.Id == row);
        LogBatch batch = Fixtures.Message(fixture);

        DiagnosisResult result = Diagnoser.Diagnose(batch);

        Assert.Equal(line.Kind, Assert.Single(result.Findings).Kind);
        Assert.Equal(line.Log == CatalogueLog.AccessLog, !batch.LogGroup.StartsWith("API-Gateway-Execution-Logs_", StringComparison.Ordinal));
        Assert.Equal(batch.LogEvents.Count, result.Dispositions.Total);
    }

    // Fixtures written before lines were cited show AWS's documented texts; the ones added with the catalogue cite theirs.
    public static TheoryData<string> CitedFixtures() =>
    [
        "rest-role-not-assumable.json", "rest-authorizer-role-not-assumable.json", "rest-throttled-rate-exceeded.json",
        "rest-throttled-behind-malformed.json", "rest-node-malformed-handler.json", "rest-python-malformed-handler.json",
        "rest-integration-timeout.json", "rest-mapping-template.json", "rest-authorizer-invalid-json.json",
        "rest-unrecognized-output-mapping.json", "http-json-permission-typographic.json", "http-clf-role-not-assumable.json",
        "http-json-function-error.json",
    ];

    [Theory]
    [MemberData(nameof(CitedFixtures))]
    public void Fixture_Evidence_IsALineWithItsSourceBesideIt(string fixture)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Fixtures.Path($"messages/{fixture}")));
        HashSet<string> cited = document.RootElement.GetProperty("logEvents").EnumerateArray()
            .Where(e => e.TryGetProperty("source", out JsonElement source) && source.GetString()!.StartsWith("https://", StringComparison.Ordinal))
            .Select(e => e.GetProperty("message").GetString()!)
            .ToHashSet(StringComparer.Ordinal);

        Finding finding = Assert.Single(Diagnoser.Diagnose(Fixtures.Message(fixture)).Findings);

        // Evidence keeps 512 characters of a line, ending with an ellipsis when it cut one.
        Assert.Contains(finding.Evidence, line => cited.Contains(line) || (line.EndsWith('…') && cited.Any(c => c.StartsWith(line[..^1], StringComparison.Ordinal))));
    }
}
