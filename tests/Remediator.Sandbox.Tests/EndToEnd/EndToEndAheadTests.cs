using System.Net;
using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// Healing before the first request fails, over real HTTP against the sandbox: the EventBridge events the template
/// routes to Remediator (a CloudTrail record of an API Gateway change, the sweep's schedule) handed to the engine as
/// Lambda would hand them, and the data plane called only afterwards (README, "Healing ahead of failures").
/// </summary>
public class EndToEndAheadTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    private const string Stage = "prod";

    [Fact]
    public async Task DeploymentEvent_StageVariableNamingAFunctionWithoutPermission_IsFixedBeforeAnyRequest()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets-v2");
        (string api, _) = await account.RestApi()
            .Method("GET", "/pets/{id}", account.InvokeUri(account.FunctionArn("${stageVariables.fn}")))
            .DeployAsync(Stage, new Dictionary<string, string> { ["fn"] = "pets-v2" });

        EngineOutcome outcome = Assert.Single((await account.Engine(await EnforceAsync()).ProcessAsync(UpdateStage(api, Stage), "invocation-1", CancellationToken.None)).Outcomes);

        Assert.Equal((RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, pets), (outcome.Outcome, outcome.Reason, outcome.FunctionArn));
        Assert.Contains("CloudTrail UpdateStage", outcome.Trigger, StringComparison.Ordinal);
        Assert.Null(outcome.LogGroup);

        // No request had failed: nothing was logged, so nothing was delivered; the first request succeeds.
        Assert.Empty(account.TakePayloads());
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets/42"));
        Assert.Single(await account.StatementIdsAsync(pets));
        Assert.StartsWith("Remediator fixed", Assert.Single(account.SnsMessages()).GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeploymentEvent_UnownedFunction_EndsRecommendedOwnershipUnproven()
    {
        account.Reset();
        string victim = await account.CreateFunctionAsync("admin-reset-passwords", managed: false);
        (string api, _) = await account.RestApi()
            .Method("GET", "/pets", account.InvokeUri(account.FunctionArn("${stageVariables.fn}")))
            .DeployAsync(Stage, new Dictionary<string, string> { ["fn"] = "admin-reset-passwords" });

        EngineOutcome outcome = Assert.Single((await account.Engine(await EnforceAsync()).ProcessAsync(CreateDeployment(api, Stage), "invocation-1", CancellationToken.None)).Outcomes);

        Assert.Equal((RemediationOutcome.Recommended, OutcomeReason.OwnershipUnproven, victim), (outcome.Outcome, outcome.Reason, outcome.FunctionArn));
        Assert.Equal(0, account.RequestCounts().GetValueOrDefault("lambda:AddPermission"));
        Assert.Empty(await account.StatementIdsAsync(victim));
    }

    [Fact]
    public async Task ScheduledSweep_HealsEveryStageAndSendsOneDigest()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string orders = await account.CreateFunctionAsync("orders");
        string items = await account.CreateFunctionAsync("items");
        string healthy = await account.CreateFunctionAsync("healthy");
        (string petsApi, _) = await account.RestApi("pets").Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync("prod");
        await account.RedeployAsync(petsApi, "dev");
        (string ordersApi, _) = await account.RestApi("orders").Method("POST", "/orders", account.InvokeUri(orders)).DeployAsync("prod");
        (string itemsApi, _) = await account.HttpApi().Route("GET /items", items).DeployAsync();
        (string healthyApi, _) = await account.RestApi("healthy").Method("GET", "/ok", account.InvokeUri(healthy)).DeployAsync("prod");
        await account.AllowApiAsync(healthy, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{healthyApi}/*/GET/ok");

        EngineResult result = await account.Engine(await EnforceAsync()).ProcessAsync(Schedule(), "invocation-1", CancellationToken.None);

        Assert.All(result.Outcomes, o => Assert.Equal(RemediationOutcome.Fixed, o.Outcome));
        Assert.Equal([items, orders, pets, pets], result.Outcomes.Select(o => o.FunctionArn!).Order(StringComparer.Ordinal));
        JsonElement digest = Assert.Single(account.SnsMessages());
        Assert.StartsWith("Remediator sweep:", digest.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("4 fixed", digest.GetProperty("subject").GetString(), StringComparison.Ordinal);

        // The digest has every protocol's form too: the document counts what the sweep did.
        Assert.Equal("info", digest.GetProperty("messageAttributes").GetProperty("severity").GetProperty("stringValue").GetString());
        string document = digest.GetProperty("messages").GetProperty("sqs").GetString()!;
        Assert.Empty(NotificationSchema.Errors(document));
        using (JsonDocument parsed = JsonDocument.Parse(document))
        {
            Assert.Equal(("Digest", 4), (parsed.RootElement.GetProperty("outcome").GetString(), parsed.RootElement.GetProperty("digest").GetProperty("fixed").GetInt32()));
        }

        using (JsonDocument card = JsonDocument.Parse(digest.GetProperty("messages").GetProperty("https").GetString()!))
        {
            Assert.Contains("*Fixed:* 4", card.RootElement.GetProperty("content").GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(petsApi, "prod", "GET", "/pets"));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(petsApi, "dev", "GET", "/pets"));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(ordersApi, "prod", "POST", "/orders"));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(itemsApi, "$default", "GET", "/items"));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(healthyApi, "prod", "GET", "/ok"));
        Assert.Equal(1 + 4, account.RequestCounts().GetValueOrDefault("lambda:AddPermission"));
    }

    [Fact]
    public async Task ScheduledSweep_OutOfTimeForReads_GoesOnFromTheLedgersCursorInTheNextRuns()
    {
        account.Reset();
        var apis = new List<string>();
        foreach (string name in new[] { "alpha", "bravo", "charlie" })
        {
            string function = await account.CreateFunctionAsync(name);
            apis.Add((await account.RestApi(name).Method("GET", "/x", account.InvokeUri(function)).DeployAsync("prod")).ApiId);
        }

        var ledger = new Remediator.Core.Ledger.InMemoryLedger(TimeProvider.System);
        RemediatorSettings settings = await EnforceAsync();

        // No time for reads beyond the first API: each run audits one, and the cursor carries the sweep on.
        var fixedPerRun = new List<int>();
        for (int run = 0; run < 4; run++)
        {
            EngineResult result = await account.Engine(settings, ledger, new EngineOptions { AccountId = account.AccountId, Region = account.Region, SweepReadBudget = TimeSpan.Zero })
                .ProcessAsync(Schedule(), $"invocation-{run}", CancellationToken.None);
            fixedPerRun.Add(result.Outcomes.Count(o => o.Outcome == RemediationOutcome.Fixed));
        }

        Assert.Equal([1, 1, 1, 0], fixedPerRun);
        foreach (string api in apis)
        {
            Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, "prod", "GET", "/x"));
        }

        Assert.Equal(4, account.SnsMessages().Count);
        Assert.Contains("stopped after rest/", account.SnsMessages()[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("where the last run stopped", account.SnsMessages()[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("the next run starts at the first again", account.SnsMessages()[2].GetProperty("message").GetString(), StringComparison.Ordinal);
        // The fourth run began at the first API again (the third had reached the last) and stopped after it.
        Assert.Equal("rest/" + apis.Order(StringComparer.Ordinal).First(), await ledger.GetSweepCursorAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeploymentEvent_EveryTargetAllowed_IsOneNothingToFixOutcomeAndNoMessage()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        await account.AllowApiAsync(pets, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/GET/pets");
        RemediationEngine engine = account.Engine(await EnforceAsync());

        EngineOutcome outcome = Assert.Single((await engine.ProcessAsync(UpdateStage(api, Stage), "invocation-1", CancellationToken.None)).Outcomes);

        Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.NothingToFix), (outcome.Outcome, outcome.Reason));
        Assert.Single(await account.StatementIdsAsync(pets));
        Assert.Empty(account.SnsMessages());
    }

    [Theory]
    [InlineData("210987654321", "us-east-1", null, OutcomeReason.ForeignAccount)]
    [InlineData(null, "eu-west-1", null, OutcomeReason.ForeignAccount)]
    [InlineData(null, "us-east-1", "AccessDenied", OutcomeReason.NothingToFix)]
    public async Task DeploymentEvent_OfAnotherAccountOrAFailedCall_ReadsAndWritesNothing(string? eventAccount, string region, string? errorCode, OutcomeReason reason)
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        RemediationEngine engine = account.Engine(await EnforceAsync());
        int readsBefore = account.RequestCounts().Values.Sum();

        EngineOutcome outcome = Assert.Single((await engine.ProcessAsync(
            UpdateStage(api, Stage, eventAccount ?? account.AccountId, region, errorCode), "invocation-1", CancellationToken.None)).Outcomes);

        Assert.Equal((RemediationOutcome.Ignored, reason), (outcome.Outcome, outcome.Reason));
        Assert.Equal(readsBefore, account.RequestCounts().Values.Sum());
    }

    private string UpdateStage(string api, string stage, string? eventAccount = null, string? region = null, string? errorCode = null) =>
        CloudTrail("UpdateStage", $"{{\"restApiId\":\"{api}\",\"stageName\":\"{stage}\",\"updateStageInput\":{{\"patchOperations\":[]}}}}", eventAccount, region, errorCode);

    private string CreateDeployment(string api, string stage) =>
        CloudTrail("CreateDeployment", $"{{\"restApiId\":\"{api}\",\"createDeploymentInput\":{{\"stageName\":\"{stage}\"}},\"template\":false}}");

    private string CloudTrail(string eventName, string requestParameters, string? eventAccount = null, string? region = null, string? errorCode = null) =>
        $"{{\"version\":\"0\",\"id\":\"{Guid.NewGuid()}\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.apigateway\","
        + $"\"account\":\"{eventAccount ?? account.AccountId}\",\"time\":\"2026-12-03T18:00:00Z\",\"region\":\"{region ?? account.Region}\",\"resources\":[],"
        + $"\"detail\":{{\"eventSource\":\"apigateway.amazonaws.com\",\"eventName\":\"{eventName}\",\"awsRegion\":\"{region ?? account.Region}\","
        + $"\"userIdentity\":{{\"arn\":\"arn:aws:iam::{account.AccountId}:user/ci\"}},\"requestParameters\":{requestParameters}"
        + (errorCode is null ? string.Empty : $",\"errorCode\":\"{errorCode}\"") + "}}";

    private string Schedule() =>
        $"{{\"version\":\"0\",\"id\":\"{Guid.NewGuid()}\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"{account.AccountId}\","
        + $"\"time\":\"2026-12-03T18:00:00Z\",\"region\":\"{account.Region}\",\"resources\":[\"arn:aws:events:{account.Region}:{account.AccountId}:rule/remediator-sweep\"],\"detail\":{{}}}}";

    private async Task<RemediatorSettings> EnforceAsync() => new()
    {
        Mode = RemediatorMode.Enforce,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = TimeSpan.Zero,
    };
}
