using System.Text.Json;
using Remediator.Core.Audit;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using Remediator.Core.Tickets;
using static Remediator.Core.Tests.Notifications.NotificationOutcomes;

namespace Remediator.Core.Tests.Notifications;

public class OutcomeDocumentTests
{
    public static TheoryData<string> Outcomes() => ["fixed", "recommended", "ticket-role", "hostile", "bare"];

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Format_Document_IsValidAgainstTheRepositorysSchema(string name)
    {
        string document = NotificationFormatter.Format(Outcome(name)).Document;

        Assert.Empty(NotificationSchema.Errors(document));
    }

    [Fact]
    public void Format_Document_CarriesTheOutcomesFacts()
    {
        EngineOutcome outcome = Fixed with { OpsItemId = "oi-0a1b2c3d4e5f", TicketAction = TicketAction.Resolved, LedgerKey = new string('c', 64), Owner = "team-pets" };

        using JsonDocument document = JsonDocument.Parse(NotificationFormatter.Format(outcome).Document);
        JsonElement root = document.RootElement;

        Assert.Equal(OutcomeDocument.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(
            ["Fixed", "PermissionMissing", "MissingInvokePermission", "info", "team-pets", "123456789012", "us-east-1", "Rest", "a1b2c3d4e5", "prod"],
            new[] { "outcome", "reason", "kind", "severity", "owner", "accountId", "region", "apiType", "apiId", "stage" }.Select(k => root.GetProperty(k).GetString()));
        Assert.Equal((Pets, "pets-handler", "live"), (Text(root, "functionArn"), Text(root, "functionName"), Text(root, "qualifier")));
        Assert.Equal((Sid, Source, "apigateway.amazonaws.com", "lambda:InvokeFunction"), (Text(root, "statementId"), Text(root, "sourceArn"), Text(root, "principal"), Text(root, "action")));
        Assert.Equal(("oi-0a1b2c3d4e5f", "Resolved", new string('c', 64)), (Text(root, "ticketId"), Text(root, "ticketAction"), Text(root, "rootCauseKey")));
        Assert.Equal((outcome.StatementJson, outcome.CloudFormationSnippet, outcome.TerraformSnippet), (Text(root, "statement"), Text(root, "cloudFormation"), Text(root, "terraform")));
        Assert.Equal(2, root.GetProperty("occurrences").GetInt32());
    }

    [Fact]
    public void Format_Document_WritesEveryKeyTheSchemaDeclaresAndNoOther()
    {
        using JsonDocument document = JsonDocument.Parse(NotificationFormatter.Format(RoleTicket).Document);

        Assert.Equal(NotificationSchema.Properties.Order(StringComparer.Ordinal), document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Format_IdentifiersOfAnotherShape_AreNullNeverPassedThrough()
    {
        EngineOutcome outcome = Fixed with
        {
            ApiId = "a1b2\u202Ec3",
            Stage = "prod\nx",
            FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:pets\nhandler",
            AccountId = "1234567890123",
            OpsItemId = "oi-1 <!channel>",
            LedgerKey = "not-a-key",
            Owner = "team\u0007",
        };

        string json = NotificationFormatter.Format(outcome).Document;
        using JsonDocument document = JsonDocument.Parse(json);

        Assert.All(new[] { "apiId", "stage", "functionArn", "functionName", "accountId", "ticketId", "rootCauseKey", "owner" },
            key => Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty(key).ValueKind));
        Assert.Empty(NotificationSchema.Errors(json));
    }

    [Fact]
    public void FormatSummary_Document_IsValidAndSaysHowMany()
    {
        var summary = new SuppressedNotifications(3, 2, new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero), "123456789012", "us-east-1");

        string json = NotificationFormatter.FormatSummary(summary).Document;
        using JsonDocument document = JsonDocument.Parse(json);

        Assert.Empty(NotificationSchema.Errors(json));
        Assert.Equal(("Summary", 3, 2), (Text(document.RootElement, "outcome"), document.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32(), document.RootElement.GetProperty("summary").GetProperty("limit").GetInt32()));
    }

    [Fact]
    public void SweepDigest_Document_IsValidAndCountsTheSweep_AndItsCardHoldsNoTargetText()
    {
        var entry = new AuditEntry
        {
            ApiId = "a1b2c3d4e5", ApiType = Remediator.Core.Diagnosis.ApiType.Rest, Stage = "prod", Kind = Remediator.Core.Verification.TargetKind.Integration,
            Target = "GET /pets <!channel>", Status = AuditStatus.ExplicitDeny, Detail = "Remediator: fixed \u202E",
        };
        var digest = new SweepDigest("event-1", new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero), "123456789012", "us-east-1",
            new AuditReport([entry], [], [], 1, 1), [Fixed]);

        Notification notification = SweepDigestFormatter.Format(digest);
        using JsonDocument document = JsonDocument.Parse(notification.Document);

        Assert.Empty(NotificationSchema.Errors(notification.Document));
        Assert.Equal(("Digest", 1, 1), (Text(document.RootElement, "outcome"), document.RootElement.GetProperty("digest").GetProperty("fixed").GetInt32(), document.RootElement.GetProperty("digest").GetProperty("targets").GetInt32()));
        Assert.Equal("info", notification.Attributes[NotificationAttributes.Severity]);
        Assert.DoesNotContain("<!channel>", notification.Chat, StringComparison.Ordinal);
        Assert.Contains("<!channel>", notification.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void SweepDigest_StaleStatementsAndPoliciesNearTheLimit_AreListedAndCounted()
    {
        const string function = "arn:aws:lambda:us-east-1:123456789012:function:pets";
        var stale = new RemediatorStatement(function, null, "remediator-gone-0123456789abcdef", "arn:aws:execute-api:us-east-1:123456789012:g0n3/*/GET/pets", null)
        {
            Staleness = new StatementStaleness(StalenessStatus.Stale, "API g0n3 no longer exists (GetRestApi and GetApi both answer 404 NotFound)"),
        };
        var unproven = stale with { StatementId = "remediator-denied-0123456789abcdef", Staleness = new StatementStaleness(StalenessStatus.Unproven, "not proven stale: denied") };
        var finding = new PolicyFinding(function, "live", 17000, 44, "merge", null);
        var digest = new SweepDigest("event-1", new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero), "123456789012", "us-east-1",
            new AuditReport([], [stale, unproven], [], 1, 1) { PolicyFindings = [finding] }, []);

        Notification notification = SweepDigestFormatter.Format(digest);
        using JsonDocument document = JsonDocument.Parse(notification.Document);

        Assert.Empty(NotificationSchema.Errors(notification.Document));
        JsonElement counts = document.RootElement.GetProperty("digest");
        Assert.Equal((1, 1), (counts.GetProperty("staleStatements").GetInt32(), counts.GetProperty("policiesNearLimit").GetInt32()));
        Assert.Contains(
            $"- {function} statement remediator-gone-0123456789abcdef: API g0n3 no longer exists (GetRestApi and GetApi both answer 404 NotFound)\n",
            notification.Body,
            StringComparison.Ordinal);
        Assert.DoesNotContain("remediator-denied-0123456789abcdef", notification.Body, StringComparison.Ordinal);
        Assert.Contains($"- {function}:live: 17000 bytes (83%), 44 statement(s), no consolidation proposed\n", notification.Body, StringComparison.Ordinal);
        Assert.Contains("`remediator revert --stale` removes them", notification.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_ADocumentWithoutAKeyOrWithAWrongValue_IsInvalid()
    {
        // The schema can fail: each of these breaks it.
        string valid = NotificationFormatter.Format(Fixed).Document;

        Assert.NotEmpty(NotificationSchema.Errors(valid.Replace("\"rootCauseKey\":", "\"rootCause\":", StringComparison.Ordinal)));
        Assert.NotEmpty(NotificationSchema.Errors(valid.Replace("\"schemaVersion\":1", "\"schemaVersion\":2", StringComparison.Ordinal)));
        Assert.NotEmpty(NotificationSchema.Errors(valid.Replace("\"severity\":\"info\"", "\"severity\":\"urgent\"", StringComparison.Ordinal)));
    }

    private static EngineOutcome Outcome(string name) => name switch
    {
        "fixed" => Fixed with { Owner = "team pets:1", OpsItemId = "oi-0a1b2c3d4e5f" },
        "recommended" => Recommended,
        "ticket-role" => RoleTicket,
        "hostile" => Hostile,
        _ => new EngineOutcome { Outcome = RemediationOutcome.Ticket, Reason = OutcomeReason.UnrecognizedFailure, Detail = "x" },
    };

    private static string? Text(JsonElement root, string key) => root.GetProperty(key).GetString();
}
