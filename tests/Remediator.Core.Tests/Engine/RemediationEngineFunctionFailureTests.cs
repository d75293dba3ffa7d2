using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Support;
using Xunit.Abstractions;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>
/// Failures a grant cannot fix (a crashing function, a malformed response...) are resolved like permission
/// failures, and a function that fails is one ticket however many concrete paths reach it: a crash behind
/// <c>GET /users/{id}</c> must not become a ticket per user id.
/// </summary>
public class RemediationEngineFunctionFailureTests(ITestOutputHelper output)
{
    private const string Crash = "Lambda execution failed with status 200 due to customer function error: KeyError: 'id'";
    private static readonly string Users = Function("users-handler");
    private static readonly string Orders = Function("orders-handler");

    private static EngineWorld UsersWorld()
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Users).AddFunction(Orders);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage)
            .AddMethod(RestApiId, "/users/{id}", "GET", Proxy(Users))
            .AddMethod(RestApiId, "/users/{id}", "DELETE", Proxy(Users))
            .AddMethod(RestApiId, "/orders/{id}", "GET", Proxy(Orders));
        return world;
    }

    // Request ids are unique per method, resource and number: several sets of requests can share one batch.
    private static string[] Requests(string method, string template, string function, int count, int first = 1, string line = Crash) =>
        [.. Enumerable.Range(first, count).SelectMany(i => RestFunctionFailure(
            $"{method}-{template.Split('/')[1]}-{i}", method, template.Replace("{id}", $"u{i}", StringComparison.Ordinal), function, line))];

    [Fact]
    public async Task ProcessAsync_FunctionErrorOnTwoHundredPathsOfOneMethod_SendsOneTicket()
    {
        EngineWorld world = UsersWorld();
        world.RecordLedger();

        EngineResult result = await world.RunAsync(RestBatch(Requests("GET", "/users/{id}", Users, 200)));

        output.WriteLine(string.Join(", ", world.CallCounts().OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")));
        Assert.Equal(200, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.FunctionError), (o.Outcome, o.Reason)));
        Assert.Single(result.Outcomes.Select(o => o.LedgerKey).Distinct());
        Assert.Single(result.Outcomes, o => o.Notified);
        SnsMessage ticket = Assert.Single(world.Sns.Published);
        Assert.Contains("users-handler", ticket.Subject, StringComparison.Ordinal);
        Assert.Equal(1, world.CallCounts()["ledger:Claim"]);
        Assert.Equal(1, world.Rest.Count("GetExport"));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        Assert.Equal(0, world.Lambda.Count("GetPolicy"));
    }

    [Fact]
    public async Task ProcessAsync_FunctionErrorOnNewPathsInALaterBatch_DoesNotTicketAgain()
    {
        EngineWorld world = UsersWorld();

        EngineResult first = await world.RunAsync(RestBatch(Requests("GET", "/users/{id}", Users, 100)));
        EngineResult second = await world.RunAsync(RestBatch(Requests("GET", "/users/{id}", Users, 100, first: 101)), "invocation-2");

        Assert.All(second.Outcomes, o => Assert.Equal(RemediationOutcome.Ticket, o.Outcome));
        Assert.DoesNotContain(second.Outcomes, o => o.Notified);
        Assert.Equal(first.Outcomes[0].LedgerKey, second.Outcomes[0].LedgerKey);
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_TwoFunctionsFailing_SendsATicketForEach()
    {
        EngineWorld world = UsersWorld();

        EngineResult result = await world.RunAsync(RestBatch(
            [.. Requests("GET", "/users/{id}", Users, 50), .. Requests("GET", "/orders/{id}", Orders, 50)]));

        Assert.Equal(2, result.Outcomes.Select(o => o.LedgerKey).Distinct().Count());
        Assert.Equal(2, world.Sns.Published.Count);
        Assert.Contains(world.Sns.Published, m => m.Subject!.Contains("users-handler", StringComparison.Ordinal));
        Assert.Contains(world.Sns.Published, m => m.Subject!.Contains("orders-handler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_FunctionErrorOnAnApiRemediatorMayNotRead_StillTicketsTheCatalogueFailure()
    {
        // Naming the verified function is a courtesy: a control plane Remediator may not read (403) must not turn
        // the catalogue's ticket into an invocation that fails on every retry and never records an outcome.
        EngineWorld world = UsersWorld();
        world.Rest.DeniedApis.Add(RestApiId);

        EngineResult result = await world.RunAsync(RestBatch(Requests("GET", "/users/{id}", Users, 2)));

        Assert.Equal(2, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.FunctionError), (o.Outcome, o.Reason)));
        Assert.All(result.Outcomes, o => Assert.Equal(o.Finding!.Fingerprint, o.LedgerKey));
        Assert.All(result.Outcomes, o => Assert.Contains(o.Verified, line => line.Contains(AwsErrorCodes.AccessDenied, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ProcessAsync_OneFunctionFailingBehindTwoMethods_SendsOneTicketNamingBoth()
    {
        // The function is the root cause of a crash: its owner wants one ticket, not one per route that reaches it.
        EngineWorld world = UsersWorld();

        EngineResult result = await world.RunAsync(RestBatch(
            [.. Requests("GET", "/users/{id}", Users, 20), .. Requests("DELETE", "/users/{id}", Users, 20)]));

        Assert.Single(result.Outcomes.Select(o => o.LedgerKey).Distinct());
        SnsMessage ticket = Assert.Single(world.Sns.Published);
        output.WriteLine(ticket.Subject + "\n\n" + ticket.Message);
        Assert.Contains("GET /users/{id}", ticket.Message, StringComparison.Ordinal);
        Assert.Contains("DELETE /users/{id}", ticket.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_OneFunctionFailingBehindTwoMethods_EachOutcomeNamesItsOwnMethod()
    {
        // One root cause, one ticket; but each finding's outcome (the structured log, replay's JSON) reports the
        // method it was resolved to, not the one the first finding of the root cause was.
        EngineWorld world = UsersWorld();

        EngineResult result = await world.RunAsync(RestBatch(
            [.. Requests("GET", "/users/{id}", Users, 1), .. Requests("DELETE", "/users/{id}", Users, 1)]));

        Assert.Equal(["GET", "DELETE"], result.Outcomes.Select(o => o.HttpMethod));
        Assert.All(result.Outcomes, o => Assert.Equal(("/users/{id}", Users), (o.ResourcePath, o.FunctionArn)));
    }

    [Fact]
    public async Task ProcessAsync_OneFunctionFailingWithTwoKinds_SendsATicketForEachKind()
    {
        EngineWorld world = UsersWorld();

        await world.RunAsync(RestBatch(
            [.. Requests("GET", "/users/{id}", Users, 5), .. Requests("GET", "/users/{id}", Users, 5, first: 6, line: "Execution failed due to configuration error: Malformed Lambda proxy response")]));

        Assert.Equal(2, world.Sns.Published.Count);
    }

    [Fact]
    public async Task ProcessAsync_UnrecognizedFailureBehindTwoMethods_SendsATicketForEachMethod()
    {
        // An uncatalogued 5xx may be the integration's (its responses, a mapping), not the function's: keyed on the target.
        EngineWorld world = UsersWorld();
        const string Mapping = "Execution failed due to configuration error: Output mapping refers to an invalid method response: 200";

        EngineResult result = await world.RunAsync(RestBatch(
            [.. Requests("GET", "/users/{id}", Users, 10, line: Mapping), .. Requests("DELETE", "/users/{id}", Users, 10, line: Mapping)]));

        Assert.All(result.Outcomes, o => Assert.Equal(OutcomeReason.UnrecognizedFailure, o.Reason));
        Assert.Equal(2, result.Outcomes.Select(o => o.LedgerKey).Distinct().Count());
        Assert.Equal(2, world.Sns.Published.Count);
    }

    [Theory]
    [InlineData("Execution failed due to configuration error: Malformed Lambda proxy response", OutcomeReason.ProxyResponse)]
    [InlineData("Lambda execution failed with status 200 due to customer function error: [Errno 13] Permission denied: '/var/task/app.py'", OutcomeReason.PackagePermissions)]
    [InlineData("Lambda execution failed with status 200 due to customer function error: Handler 'handler' missing on module 'app'", OutcomeReason.Handler)]
    [InlineData(Crash, OutcomeReason.FunctionError)]
    [InlineData("Execution failed due to a timeout error", OutcomeReason.IntegrationTimeout)]
    [InlineData("Lambda invocation failed with status: 429. Lambda request id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", OutcomeReason.FunctionThrottled)]
    [InlineData("Lambda execution failed with status 200 due to customer function error: Bad handler. Lambda request id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", OutcomeReason.Handler)]
    public async Task ProcessAsync_KindAGrantCannotFixOnManyPaths_SendsOneTicketAndGrantsNothing(string line, OutcomeReason reason)
    {
        EngineWorld world = UsersWorld();

        EngineResult result = await world.RunAsync(RestBatch(Requests("GET", "/users/{id}", Users, 60, line: line)));

        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Ticket, reason), (o.Outcome, o.Reason)));
        Assert.All(result.Outcomes, o => Assert.Equal(Users, o.FunctionArn));
        Assert.Single(world.Sns.Published);

        // A throttled function's reserved concurrency is read once for its ticket, its tags once for the notification's
        // owner; nothing else of Lambda is touched.
        Assert.DoesNotContain(world.Lambda.Calls, call => call is not ("GetFunctionConcurrency" or "ListTags"));
        Assert.Equal(reason == OutcomeReason.FunctionThrottled ? 1 : 0, world.Lambda.Count("GetFunctionConcurrency"));
    }

    [Fact]
    public async Task ProcessAsync_MalformedProxyResponse_TicketNamesTheVerifiedFunctionAndQuotesTheLoggedBody()
    {
        const string Body = "{\"statusCode\": 200, \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": {\"orderId\": \"A-1001\"}}";
        var world = new EngineWorld();
        world.Lambda.AddFunction(Orders);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/orders", "POST", Proxy(Orders));

        EngineOutcome outcome = Assert.Single((await world.RunAsync(Fixtures.Message("rest-malformed-proxy-response.json"))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.ProxyResponse), (outcome.Outcome, outcome.Reason));
        Assert.Equal(Orders, outcome.FunctionArn);
        Assert.Equal(("POST", "/orders"), (outcome.HttpMethod, outcome.ResourcePath));
        Assert.Contains(Orders, outcome.Detail, StringComparison.Ordinal);
        Assert.Contains(UntrustedText.Quote(Body, 512), outcome.Detail, StringComparison.Ordinal);
        SnsMessage ticket = Assert.Single(world.Sns.Published);
        output.WriteLine(ticket.Subject + "\n\n" + ticket.Message);
        Assert.Contains("orders-handler", ticket.Subject, StringComparison.Ordinal);
        Assert.Contains($"Its URI resolves to function {Orders}.", ticket.Message, StringComparison.Ordinal);
        Assert.Contains("of type AWS_PROXY", ticket.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_FunctionErrorOfAnApiThatIsGone_IsIgnoredWithoutTickets()
    {
        // Only forged or stale lines name an API that does not exist: a metric, not three tickets.
        var world = new EngineWorld();

        EngineResult result = await world.RunAsync(RestBatch(Requests("GET", "/users/{id}", Users, 3)));

        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.LogSourceMismatch), (o.Outcome, o.Reason)));
        Assert.Empty(world.Sns.Published);
        Assert.Empty(world.Lambda.Calls);
    }

    [Theory]
    [InlineData("no resource serves the path")]
    [InlineData("the log names another function")]
    public async Task ProcessAsync_FunctionErrorTheControlPlaneDoesNotConfirm_KeepsTheFingerprintAndTickets(string situation)
    {
        var world = new EngineWorld();
        string template = "/users/{id}";
        string logged = Users;
        switch (situation)
        {
            case "no resource serves the path":
                world = UsersWorld();
                template = "/teams/{id}";
                break;
            default:
                world = UsersWorld();
                logged = Function("impostor");
                break;
        }

        EngineResult result = await world.RunAsync(RestBatch(Requests("GET", template, logged, 3)));

        Assert.Equal(3, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.FunctionError), (o.Outcome, o.Reason)));
        Assert.All(result.Outcomes, o => Assert.Equal(o.Finding!.Fingerprint, o.LedgerKey));
        Assert.All(result.Outcomes, o => Assert.Equal(KindRules.TicketFor(FindingKind.FunctionError)!.Detail, o.Detail));
        Assert.All(result.Outcomes, o => Assert.Null(o.FunctionArn));
        Assert.Equal(3, world.Sns.Published.Count);
        Assert.Empty(world.Lambda.Calls);
    }
}
