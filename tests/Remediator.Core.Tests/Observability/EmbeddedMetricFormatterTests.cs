using Remediator.Core.Decisions;
using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Core.Observability;

namespace Remediator.Core.Tests.Observability;

public class EmbeddedMetricFormatterTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    private static OutcomeLogEntry Entry(RemediationOutcome outcome, OutcomeReason reason, string? kind) =>
        new(At, "req-1", outcome, reason, kind, "api", "prod", null, null, null, "m");

    [Fact]
    public void Format_OneKind_MatchesGolden()
    {
        string document = EmbeddedMetricFormatter.Format(
            At, RemediatorMode.Enforce, "MissingInvokePermission", new MetricCounts(3, 2, 0, 1, 0, 0), "req-1");

        Assert.Equal(
            """{"_aws":{"Timestamp":1741944413589,"CloudWatchMetrics":[{"Namespace":"Remediator","Dimensions":[["Mode"],["Mode","Kind"]],"Metrics":[{"Name":"FindingsSeen","Unit":"Count"},{"Name":"Fixed","Unit":"Count"},{"Name":"Tickets","Unit":"Count"},{"Name":"AlreadyAllowed","Unit":"Count"},{"Name":"Errors","Unit":"Count"},{"Name":"BreakerOpen","Unit":"Count"},{"Name":"NotificationsSuppressed","Unit":"Count"}]}]},"Mode":"enforce","Kind":"MissingInvokePermission","FindingsSeen":3,"Fixed":2,"Tickets":0,"AlreadyAllowed":1,"Errors":0,"BreakerOpen":0,"NotificationsSuppressed":0,"requestId":"req-1"}""",
            document);
    }

    // The EMF specification: every dimension and metric a directive references is a root member, the
    // metric values are numbers, dimension values are strings, and there are at most 30 dimensions.
    [Fact]
    public void Format_Document_SatisfiesEmfReferenceRules()
    {
        using JsonDocument document = JsonDocument.Parse(
            EmbeddedMetricFormatter.Format(At, RemediatorMode.Observe, "HandlerNotFound", new MetricCounts(1, 0, 1, 0, 0, 0)));
        JsonElement root = document.RootElement;
        JsonElement directive = Assert.Single(root.GetProperty("_aws").GetProperty("CloudWatchMetrics").EnumerateArray());

        Assert.Equal(JsonValueKind.Number, root.GetProperty("_aws").GetProperty("Timestamp").ValueKind);
        foreach (JsonElement set in directive.GetProperty("Dimensions").EnumerateArray())
        {
            Assert.InRange(set.GetArrayLength(), 1, 30);
            Assert.All(set.EnumerateArray(), name => Assert.Equal(JsonValueKind.String, root.GetProperty(name.GetString()!).ValueKind));
        }

        Assert.All(directive.GetProperty("Metrics").EnumerateArray(), metric =>
            Assert.Equal(JsonValueKind.Number, root.GetProperty(metric.GetProperty("Name").GetString()!).ValueKind));
        Assert.False(root.TryGetProperty("requestId", out _));
    }

    [Fact]
    public void Format_Entries_OneDocumentPerKindWithSummedCounts()
    {
        OutcomeLogEntry[] entries =
        [
            Entry(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, "MissingInvokePermission"),
            Entry(RemediationOutcome.AlreadyAllowed, OutcomeReason.PolicyAllows, "MissingInvokePermission"),
            Entry(RemediationOutcome.Ticket, OutcomeReason.BreakerOpen, "MissingInvokePermission"),
            Entry(RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, "PackagePermissionDenied"),
            Entry(RemediationOutcome.Ignored, OutcomeReason.InvalidPayload, null),
        ];

        IReadOnlyList<string> documents = EmbeddedMetricFormatter.Format(At, RemediatorMode.Enforce, entries, "req-1");

        Assert.Equal(3, documents.Count);
        Assert.Equal(
            [
                ("MissingInvokePermission", new MetricCounts(3, 1, 0, 1, 0, 1)),
                ("None", new MetricCounts(0, 0, 0, 0, 1, 0)),
                ("PackagePermissionDenied", new MetricCounts(1, 0, 1, 0, 0, 0)),
            ],
            documents.Select(Read));
    }

    [Fact]
    public void Format_NoEntries_NoDocuments()
    {
        Assert.Empty(EmbeddedMetricFormatter.Format(At, RemediatorMode.Observe, []));
    }

    [Theory]
    [InlineData("MissingInvokePermission", "MissingInvokePermission")]
    [InlineData(null, "None")]
    [InlineData("", "Other")]
    [InlineData("a1b2c3d4e5", "Other")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:f", "Other")]
    [InlineData("Missing Permission", "Other")]
    public void KindDimensionValue_OnlyCatalogueShapedKindsPass(string? kind, string expected)
    {
        Assert.Equal(expected, EmbeddedMetricFormatter.KindDimensionValue(kind));
    }

    [Fact]
    public void KindDimensionValue_VeryLongKind_CollapsesToOther()
    {
        Assert.Equal("Other", EmbeddedMetricFormatter.KindDimensionValue("A" + new string('b', 64)));
    }

    private static (string Kind, MetricCounts Counts) Read(string document)
    {
        using JsonDocument parsed = JsonDocument.Parse(document);
        JsonElement root = parsed.RootElement;
        int Value(string name) => root.GetProperty(name).GetInt32();
        return (root.GetProperty("Kind").GetString()!, new MetricCounts(
            Value("FindingsSeen"), Value("Fixed"), Value("Tickets"), Value("AlreadyAllowed"), Value("Errors"), Value("BreakerOpen"), Value("NotificationsSuppressed")));
    }
}
