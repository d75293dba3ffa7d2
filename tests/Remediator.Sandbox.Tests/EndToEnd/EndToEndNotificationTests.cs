using System.Net;
using System.Text.Json;
using Remediator.Aws.Composition;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Tickets;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// What the SNS topic receives end to end, through real HTTP: one message per protocol (MessageStructure=json) — the
/// text for people, the chat card, the versioned document valid against the repository's schema — with the severity
/// and owner attributes teams route by, the OpsItem named in the text, and the grant as infrastructure code.
/// </summary>
public class EndToEndNotificationTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    private const string Stage = "prod";

    [Fact]
    public async Task Recommend_ClassicOutage_PublishesEveryProtocolWithSeverityOwnerAndTheOpsItem()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets-prod", tags: new Dictionary<string, string> { ["owner"] = "team-pets" });
        (string api, _) = await account.RestApi().Method("GET", "/pets/{id}", account.InvokeUri(pets)).DeployAsync(Stage);
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets/42"));
        using RemediatorServices services = account.Services(await SettingsAsync(RemediatorMode.Recommend));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, services.CreateEngine(account.AccountId)));

        Assert.Equal((RemediationOutcome.Recommended, TicketAction.Opened), (outcome.Outcome, outcome.TicketAction));
        JsonElement sent = Assert.Single(account.SnsMessages());
        Assert.Equal("json", sent.GetProperty("messageStructure").GetString());
        JsonElement messages = sent.GetProperty("messages");
        Assert.Equal(["default", "email", "https", "sqs", "lambda"], messages.EnumerateObject().Select(p => p.Name));

        // The text a person reads, the same for e-mail, names the OpsItem and carries the grant as code.
        string text = messages.GetProperty("default").GetString()!;
        Assert.Equal(text, messages.GetProperty("email").GetString());
        Assert.Contains($"OpsCenter OpsItem {outcome.OpsItemId}.", text, StringComparison.Ordinal);
        Assert.Contains("  Type: AWS::Lambda::Permission\n", text, StringComparison.Ordinal);
        Assert.Contains("resource \"aws_lambda_permission\"", text, StringComparison.Ordinal);

        // The chat card: a custom notification, threaded on the root cause.
        using JsonDocument chat = JsonDocument.Parse(messages.GetProperty("https").GetString()!);
        Assert.Equal(("1.0", "custom", "client-markdown"), (Text(chat.RootElement, "version"), Text(chat.RootElement, "source"), Text(chat.RootElement.GetProperty("content"), "textType")));
        Assert.Equal(outcome.LedgerKey, Text(chat.RootElement.GetProperty("metadata"), "threadId"));
        Assert.Contains(outcome.OpsItemId!, chat.RootElement.GetProperty("content").GetProperty("description").GetString(), StringComparison.Ordinal);

        // The document: valid against the schema, the same for SQS and Lambda subscriptions.
        string document = messages.GetProperty("sqs").GetString()!;
        Assert.Equal(document, messages.GetProperty("lambda").GetString());
        Assert.Empty(NotificationSchema.Errors(document));
        using JsonDocument parsed = JsonDocument.Parse(document);
        JsonElement root = parsed.RootElement;
        Assert.Equal(
            ["Recommended", "PermissionMissing", "high", "team-pets", api, Stage, pets, outcome.StatementId, outcome.SourceArn, outcome.OpsItemId, outcome.LedgerKey],
            new[] { "outcome", "reason", "severity", "owner", "apiId", "stage", "functionArn", "statementId", "sourceArn", "ticketId", "rootCauseKey" }.Select(k => Text(root, k)));

        // The attributes teams subscribe by.
        JsonElement attributes = sent.GetProperty("messageAttributes");
        Assert.Equal(("high", "team-pets", outcome.OpsItemId), (Attribute(attributes, "severity"), Attribute(attributes, "owner"), Attribute(attributes, "opsItemId")));

        // The OpsItem carries the same grant as code.
        JsonElement data = Assert.Single(account.OpsItems()).GetProperty("OperationalData");
        Assert.Equal(outcome.CloudFormationSnippet, data.GetProperty(OpsItemFields.CloudFormation).GetProperty("Value").GetString());
        Assert.Equal(outcome.TerraformSnippet, data.GetProperty(OpsItemFields.Terraform).GetProperty("Value").GetString());
    }

    [Fact]
    public async Task Enforce_Fix_DocumentNamesTheStatementThePolicyNowHolds()
    {
        account.Reset();
        string orders = await account.CreateFunctionAsync("orders", tags: new Dictionary<string, string> { ["team"] = "Platform Team: orders" });
        (string api, _) = await account.RestApi().Method("GET", "/orders", account.InvokeUri(orders)).DeployAsync(Stage);
        await account.CallAsync(api, Stage, "GET", "/orders");
        using RemediatorServices services = account.Services(await SettingsAsync(RemediatorMode.Enforce) with { OwnerTag = "team" });

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, services.CreateEngine(account.AccountId)));

        Assert.Equal(RemediationOutcome.Fixed, outcome.Outcome);
        JsonElement sent = Assert.Single(account.SnsMessages());
        Assert.Equal(("info", "Platform Team: orders"), (Attribute(sent.GetProperty("messageAttributes"), "severity"), Attribute(sent.GetProperty("messageAttributes"), "owner")));
        string document = sent.GetProperty("messages").GetProperty("sqs").GetString()!;
        Assert.Empty(NotificationSchema.Errors(document));
        using JsonDocument parsed = JsonDocument.Parse(document);
        Assert.Contains(Text(parsed.RootElement, "statementId")!, await account.StatementIdsAsync(orders));
        Assert.Contains("import {", Text(parsed.RootElement, "terraform"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/orders"));
    }

    [Fact]
    public async Task AccountWithAnAlias_EveryProtocolAndTheAttributesNameTheAccountAndItsAlias()
    {
        // A central topic hears from every account of the organization: each message says which one, by id and alias.
        account.Reset();
        await account.CreateAccountAliasAsync("pets-prod");
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        await account.CallAsync(api, Stage, "GET", "/pets");
        using RemediatorServices services = account.Services(await SettingsAsync(RemediatorMode.Enforce));

        Assert.Equal(RemediationOutcome.Fixed, Assert.Single(await EndToEndRuns.RemediateAsync(account, services.CreateEngine(account.AccountId))).Outcome);

        JsonElement sent = Assert.Single(account.SnsMessages());
        JsonElement attributes = sent.GetProperty("messageAttributes");
        Assert.Equal((account.AccountId, "pets-prod"), (Attribute(attributes, "accountId"), Attribute(attributes, "accountAlias")));
        Assert.InRange(attributes.EnumerateObject().Count(), 1, 10);
        JsonElement messages = sent.GetProperty("messages");
        Assert.Contains($"Account {account.AccountId} (pets-prod), region {account.Region}.", messages.GetProperty("default").GetString(), StringComparison.Ordinal);
        Assert.Contains("pets-prod", messages.GetProperty("https").GetString(), StringComparison.Ordinal);
        string document = messages.GetProperty("sqs").GetString()!;
        Assert.Empty(NotificationSchema.Errors(document));
        using JsonDocument parsed = JsonDocument.Parse(document);
        Assert.Equal(("pets-prod", account.AccountId), (Text(parsed.RootElement, "accountAlias"), Text(parsed.RootElement, "accountId")));
        Assert.Equal(1, account.RequestCounts().GetValueOrDefault("iam:ListAccountAliases"));
    }

    private async Task<RemediatorSettings> SettingsAsync(RemediatorMode mode) => new()
    {
        Mode = mode,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = TimeSpan.Zero,
    };

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    private static string? Attribute(JsonElement attributes, string name) => attributes.GetProperty(name).GetProperty("stringValue").GetString();
}
