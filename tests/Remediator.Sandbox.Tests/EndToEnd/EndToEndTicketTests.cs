using System.Net;
using System.Text.Json;
using Remediator.Aws.Composition;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Ports;
using Remediator.Core.Tickets;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// Tickets as OpsCenter OpsItems end to end: real failures on the simulated data plane, the composition root's
/// engine and its SDK client for SSM, one OpsItem per root cause, opened, updated and resolved in the sandbox.
/// </summary>
public class EndToEndTicketTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    private const string Stage = "prod";

    [Fact]
    public async Task Recommend_ClassicOutage_OpensOneOpsItemUpdatesItOnRepeatAndResolvesItOnceAllowed()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets-prod");
        (string api, _) = await account.RestApi()
            .Method("GET", "/pets/{id}", account.InvokeUri(account.FunctionArn("${stageVariables.petsFunction}")))
            .DeployAsync(Stage, new Dictionary<string, string> { ["petsFunction"] = "pets-prod" });
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets/42"));
        string payload = Assert.Single(account.TakePayloads());
        using RemediatorServices services = account.Services(await RecommendAsync());
        RemediationEngine engine = services.CreateEngine(account.AccountId);

        EngineOutcome opened = Assert.Single((await engine.ProcessAsync(payload, "invocation-1", CancellationToken.None)).Outcomes);

        Assert.Equal((RemediationOutcome.Recommended, TicketAction.Opened), (opened.Outcome, opened.TicketAction));
        JsonElement item = Assert.Single(account.OpsItems());
        Assert.Equal(opened.OpsItemId, item.GetProperty("OpsItemId").GetString());
        Assert.Equal(("Remediator", "Open", "2", "Availability"), (Text(item, "Source"), Text(item, "Status"), Text(item, "Severity"), Text(item, "Category")));
        Assert.Equal($"API Gateway may not invoke pets-prod ({api}/{Stage} GET /pets/{{id}}) [PermissionMissing]", Text(item, "Title"));
        Assert.Equal($$"""{"dedupString":"{{opened.LedgerKey}}"}""", Data(item, "/aws/dedup"));
        Assert.Equal($$"""[{"arn":"{{pets}}"},{"arn":"arn:aws:apigateway:{{account.Region}}::/restapis/{{api}}"}]""", Data(item, "/aws/resources"));
        Assert.Equal((opened.AddPermissionCommand, "SearchableString"), (Data(item, OpsItemFields.FixCommand), DataType(item, OpsItemFields.FixCommand)));
        Assert.Contains(opened.AddPermissionCommand!, Text(item, "Description"), StringComparison.Ordinal);
        JsonElement notification = Assert.Single(account.SnsMessages());
        Assert.Contains($"OpsCenter OpsItem {opened.OpsItemId}.", notification.GetProperty("messages").GetProperty("default").GetString(), StringComparison.Ordinal);
        Assert.Equal(opened.OpsItemId, notification.GetProperty("messageAttributes").GetProperty("opsItemId").GetProperty("stringValue").GetString());
        long firstCount = Count(item);

        // The same batch again (Lambda's retry, or the next batch of the same storm): the same OpsItem, updated.
        EngineOutcome repeated = Assert.Single((await engine.ProcessAsync(payload, "invocation-2", CancellationToken.None)).Outcomes);

        Assert.Equal((opened.OpsItemId, TicketAction.Updated), (repeated.OpsItemId, repeated.TicketAction));
        item = Assert.Single(account.OpsItems());
        Assert.Equal("Open", Text(item, "Status"));
        Assert.Equal(2 * firstCount, Count(item));

        // Someone applies the recommendation by hand; the next batch finds the call allowed and resolves the OpsItem.
        await account.AllowApiAsync(pets, opened.SourceArn!);
        EngineOutcome healthy = Assert.Single((await engine.ProcessAsync(payload, "invocation-3", CancellationToken.None)).Outcomes);

        Assert.Equal((RemediationOutcome.AlreadyAllowed, TicketAction.Resolved, opened.OpsItemId), (healthy.Outcome, healthy.TicketAction, healthy.OpsItemId));
        item = Assert.Single(account.OpsItems());
        Assert.Equal("Resolved", Text(item, "Status"));
        Assert.StartsWith("Resolved by Remediator at ", Data(item, OpsItemFields.Resolution), StringComparison.Ordinal);
        Assert.Contains("AlreadyAllowed (PolicyAllows)", Data(item, OpsItemFields.Resolution), StringComparison.Ordinal);
        Assert.Null((await services.Ledger.GetAsync(opened.LedgerKey!, CancellationToken.None))!.Outcome.OpsItemId);
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets/42"));
    }

    [Fact]
    public async Task Enforce_RoleBasedIntegration_OpensItsOwnOpsItemThatStaysOpen()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string orders = await account.CreateFunctionAsync("orders");
        string role = $"arn:aws:iam::{account.AccountId}:role/apigw-invoke";
        (string api, _) = await account.RestApi()
            .Method("GET", "/pets", account.InvokeUri(pets), credentials: role)
            .Method("GET", "/orders", account.InvokeUri(orders))
            .DeployAsync(Stage);
        await account.CallAsync(api, Stage, "GET", "/pets");
        await account.CallAsync(api, Stage, "GET", "/orders");
        using RemediatorServices services = account.Services(await RecommendAsync() with { Mode = RemediatorMode.Enforce });
        RemediationEngine engine = services.CreateEngine(account.AccountId);
        IReadOnlyList<string> payloads = account.TakePayloads();

        IReadOnlyList<EngineOutcome> first = await RunAsync(engine, payloads, "first");
        IReadOnlyList<EngineOutcome> again = await RunAsync(engine, payloads, "again");

        EngineOutcome ticket = Assert.Single(first, o => o.Outcome == RemediationOutcome.Ticket);
        Assert.Equal((OutcomeReason.RoleBasedIntegration, TicketAction.Opened), (ticket.Reason, ticket.TicketAction));
        EngineOutcome fixedOrders = Assert.Single(first, o => o.Outcome == RemediationOutcome.Fixed);
        Assert.Equal((TicketAction.None, (string?)null), (fixedOrders.TicketAction, fixedOrders.OpsItemId));
        JsonElement item = Assert.Single(account.OpsItems());
        Assert.Equal(ticket.OpsItemId, Text(item, "OpsItemId"));
        Assert.StartsWith("The integration's role may not invoke pets", Text(item, "Title"), StringComparison.Ordinal);
        Assert.False(item.GetProperty("OperationalData").TryGetProperty(OpsItemFields.FixCommand, out _));

        // Remediator cannot read the role's IAM policy, so nothing it sees later proves this healthy.
        EngineOutcome repeated = Assert.Single(again, o => o.Outcome == RemediationOutcome.Ticket);
        Assert.Equal((ticket.OpsItemId, TicketAction.Updated), (repeated.OpsItemId, repeated.TicketAction));
        Assert.Equal("Open", Text(Assert.Single(account.OpsItems()), "Status"));
    }

    [Fact]
    public async Task Recommend_ForgedLinesOfAStageWhoseLoggingIsOff_OpenNoOpsItem()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage, logLevel: "OFF");
        await account.PutLogEventsAsync($"API-Gateway-Execution-Logs_{api}/{Stage}",
        [
            "(5f0c2d1e-aaaa-4bbb-8ccc-000000000019) HTTP Method: GET, Resource Path: /pets",
            "(5f0c2d1e-aaaa-4bbb-8ccc-000000000019) Execution failed due to configuration error: Invalid permissions on Lambda function",
        ]);
        using RemediatorServices services = account.Services(await RecommendAsync());

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, services.CreateEngine(account.AccountId)));

        Assert.Equal((OutcomeReason.LogSourceMismatch, TicketAction.None), (outcome.Reason, outcome.TicketAction));
        Assert.Empty(account.OpsItems());
        Assert.False(services.OpsCenter!.IsCreated);
    }

    [Fact]
    public async Task Recommend_UnknownApiInALine_OpensNoOpsItem()
    {
        account.Reset();
        await account.PutLogEventsAsync($"API-Gateway-Execution-Logs_zz9zz9zz9z/{Stage}",
        [
            "(5f0c2d1e-aaaa-4bbb-8ccc-000000000029) HTTP Method: GET, Resource Path: /pets",
            "(5f0c2d1e-aaaa-4bbb-8ccc-000000000029) Execution failed due to configuration error: Invalid permissions on Lambda function",
        ]);
        using RemediatorServices services = account.Services(await RecommendAsync());

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, services.CreateEngine(account.AccountId)));

        Assert.Equal(RemediationOutcome.Ignored, outcome.Outcome);
        Assert.Empty(account.OpsItems());
    }

    [Fact]
    public async Task Recommend_MoreNewRootCausesThanTheHourlyCap_OpensUpToTheCapAndStillNotifiesTheRest()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string orders = await account.CreateFunctionAsync("orders");
        (string api, _) = await account.RestApi()
            .Method("GET", "/pets", account.InvokeUri(pets))
            .Method("GET", "/orders", account.InvokeUri(orders))
            .DeployAsync(Stage);
        await account.CallAsync(api, Stage, "GET", "/pets");
        await account.CallAsync(api, Stage, "GET", "/orders");
        RemediatorSettings settings = await RecommendAsync();
        using RemediatorServices services = account.Services(settings);
        var engine = new RemediationEngine(services.Dependencies, settings, new EngineOptions { AccountId = account.AccountId, Region = account.Region, MaxNewTicketsPerHour = 1 });

        IReadOnlyList<EngineOutcome> outcomes = await EndToEndRuns.RemediateAsync(account, engine);

        Assert.Equal([TicketAction.Opened, TicketAction.CapReached], outcomes.Select(o => o.TicketAction).Order());
        Assert.Single(account.OpsItems());
        Assert.Contains("the cap of 1", Assert.Single(outcomes, o => o.TicketAction == TicketAction.CapReached).Detail, StringComparison.Ordinal);
        Assert.Equal(2, account.SnsMessages().Count);
    }

    [Theory]
    [InlineData(TicketMode.Sns, 1)]
    [InlineData(TicketMode.None, 0)]
    public async Task Enforce_TicketsNotInOpsCenter_OpenNoOpsItemAndNotifyPerMode(TicketMode tickets, int notifications)
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets), credentials: $"arn:aws:iam::{account.AccountId}:role/r").DeployAsync(Stage);
        await account.CallAsync(api, Stage, "GET", "/pets");
        using RemediatorServices services = account.Services(await RecommendAsync() with { Mode = RemediatorMode.Enforce, Tickets = tickets });

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, services.CreateEngine(account.AccountId)));

        Assert.Equal((RemediationOutcome.Ticket, TicketAction.None, (string?)null), (outcome.Outcome, outcome.TicketAction, outcome.OpsItemId));
        Assert.Empty(account.OpsItems());
        Assert.Equal(notifications, account.SnsMessages().Count);
        Assert.Equal(0, account.RequestCounts().Keys.Count(key => key.StartsWith("ssm:", StringComparison.Ordinal)));
    }

    private static async Task<IReadOnlyList<EngineOutcome>> RunAsync(RemediationEngine engine, IReadOnlyList<string> payloads, string prefix)
    {
        var outcomes = new List<EngineOutcome>();
        for (int i = 0; i < payloads.Count; i++)
        {
            outcomes.AddRange((await engine.ProcessAsync(payloads[i], $"{prefix}-{i}", CancellationToken.None)).Outcomes);
        }

        return outcomes;
    }

    private async Task<RemediatorSettings> RecommendAsync() => new()
    {
        Mode = RemediatorMode.Recommend,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = TimeSpan.Zero,
    };

    private static string? Text(JsonElement item, string name) => item.GetProperty(name).GetString();

    private static string? Data(JsonElement item, string key) => item.GetProperty("OperationalData").GetProperty(key).GetProperty("Value").GetString();

    private static long Count(JsonElement item) => long.Parse(Data(item, OpsItemFields.Occurrences)!, System.Globalization.CultureInfo.InvariantCulture);

    private static string? DataType(JsonElement item, string key) => item.GetProperty("OperationalData").GetProperty(key).GetProperty("Type").GetString();
}
