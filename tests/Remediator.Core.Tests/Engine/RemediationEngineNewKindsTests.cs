using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Fakes;
using Remediator.Core.Tests.Support;
using Xunit.Abstractions;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>
/// The kinds beyond permissions and function errors (docs/ARCHITECTURE.md, "Failure catalogue"): each ends as its own
/// ticket, naming what the control plane says failed (the function and its reserved concurrency, the role whose trust
/// policy is the fix, the integration or authorizer), keyed so that one broken function or integration is one ticket.
/// </summary>
public class RemediationEngineNewKindsTests(ITestOutputHelper output)
{
    private const string Role = "arn:aws:iam::123456789012:role/apigw-invoke";
    private const string RateExceeded = "Execution failed due to configuration error: Rate Exceeded.";
    private const string Malformed = "Execution failed due to configuration error: Malformed Lambda proxy response";
    private const string ThrottledHeaders = "Endpoint response headers: {Connection=keep-alive, x-amzn-RequestId=a5e453c2-8d59-11e8-bf58-f5dde8cf91a3, x-amzn-ErrorType=TooManyRequestsException, Content-Length=104}";
    private const string ThrottleBody = "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}";
    private static readonly string Orders = Function("orders-handler");
    private static readonly string Authorizer = Function("token-authorizer");

    private static EngineWorld OrdersWorld(string? credentials = null)
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Orders);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage)
            .AddMethod(RestApiId, "/orders/{id}", "GET", Proxy(Orders, credentials))
            .AddMethod(RestApiId, "/orders", "POST", Proxy(Orders, credentials));
        return world;
    }

    // GET /orders/{id} and POST /orders behind Lambda authorizer q8togz of Authorizer, with its credentials when given.
    private static EngineWorld AuthorizedOrdersWorld(string? credentials = null)
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Orders).AddFunction(Authorizer);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage)
            .AddAuthorizer(RestApiId, "q8togz", InvokeUri(Authorizer), credentials: credentials)
            .AddMethod(RestApiId, "/orders/{id}", "GET", Proxy(Orders), authorizerId: "q8togz")
            .AddMethod(RestApiId, "/orders", "POST", Proxy(Orders), authorizerId: "q8togz");
        return world;
    }

    private static string[] Request(string id, string method, string path, params string[] failure) =>
    [
        $"({id}) HTTP Method: {method}, Resource Path: {path}",
        $"({id}) Endpoint request URI: https://lambda.{Region}.amazonaws.com/2015-03-31/functions/{Orders}/invocations",
        .. failure.Select(line => $"({id}) {line}"),
    ];

    [Theory]
    [InlineData(0, "Its reserved concurrency is 0, which throttles every invocation")]
    [InlineData(5, "Its reserved concurrency is 5: at most 5 invocations run at once")]
    [InlineData(null, "It has no reserved concurrency")]
    public async Task ProcessAsync_ThrottledFunctionBehindTwoMethods_OneTicketNamingItsReservedConcurrency(int? reserved, string fact)
    {
        EngineWorld world = OrdersWorld();
        if (reserved is { } n)
        {
            world.Lambda.ReserveConcurrency(Orders, n);
        }

        EngineResult result = await world.RunAsync(RestBatch(
            [.. Request("t1", "GET", "/orders/1", RateExceeded), .. Request("t2", "POST", "/orders", RateExceeded)]));

        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.FunctionThrottled, Orders), (o.Outcome, o.Reason, o.FunctionArn)));
        Assert.Single(result.Outcomes.Select(o => o.LedgerKey).Distinct());
        Assert.All(result.Outcomes, o => Assert.Contains(fact, o.Detail, StringComparison.Ordinal));
        SnsMessage ticket = Assert.Single(world.Sns.Published);
        output.WriteLine(ticket.Subject + "\n\n" + ticket.Message);
        Assert.Contains("never ran", ticket.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("statusCode", ticket.Message, StringComparison.Ordinal);
        Assert.Equal(1, world.Lambda.Count("GetFunctionConcurrency"));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_ReservedConcurrencyUnreadable_TicketsWithoutTheFact()
    {
        EngineWorld world = OrdersWorld();
        world.Lambda.ConcurrencyFailure = InMemoryLambda.Error("GetFunctionConcurrency", AwsErrorCodes.AccessDenied, 403, "not authorized to perform: lambda:GetFunctionConcurrency");

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Request("t1", "GET", "/orders/1", RateExceeded)))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.FunctionThrottled, Orders), (outcome.Outcome, outcome.Reason, outcome.FunctionArn));
        Assert.DoesNotContain("reserved concurrency is", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains(outcome.Verified, line => line.Contains("could not be read (AccessDenied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_ErrorLevelMalformedLineOfAThrottledCall_ReadsTheRequestBackAndTicketsThrottling()
    {
        // The subscription delivers the failure line alone; the request's lines (read back) show Lambda's answer.
        EngineWorld world = OrdersWorld();
        world.Lambda.ReserveConcurrency(Orders, 1);
        string[] full = Request("m1", "GET", "/orders/1", ThrottledHeaders, "Endpoint response body before transformations: " + ThrottleBody, Malformed, "Method completed with status: 502");
        for (int i = 0; i < full.Length; i++)
        {
            world.Logs.Add(ExecutionGroup(RestApiId), LogStream, Start + i, full[i]);
        }

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch($"(m1) {Malformed}"))).Outcomes);

        output.WriteLine(outcome.Detail);
        Assert.Equal((FindingKind.FunctionThrottled, OutcomeReason.FunctionThrottled, Orders), (outcome.Kind, outcome.Reason, outcome.FunctionArn));
        Assert.Contains("ReservedFunctionConcurrentInvocationLimitExceeded", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("Its reserved concurrency is 1", outcome.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("statusCode", outcome.Detail, StringComparison.Ordinal);
        Assert.Single(world.Logs.Queries);
    }

    [Fact]
    public async Task ProcessAsync_ErrorLevelMalformedLineOfAGenuinelyMalformedResponse_StaysMalformed()
    {
        EngineWorld world = OrdersWorld();
        string[] full = Request("m2", "GET", "/orders/1", "Endpoint response body before transformations: \"Bad response\"", Malformed);
        for (int i = 0; i < full.Length; i++)
        {
            world.Logs.Add(ExecutionGroup(RestApiId), LogStream, Start + i, full[i]);
        }

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch($"(m2) {Malformed}"))).Outcomes);

        Assert.Equal((FindingKind.MalformedProxyResponse, OutcomeReason.ProxyResponse, Orders), (outcome.Kind, outcome.Reason, outcome.FunctionArn));
        Assert.Contains("Bad response", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_RoleApiGatewayCannotAssume_TicketNamesTheControlPlanesRoleAndItsTrustPolicy()
    {
        EngineWorld world = OrdersWorld(credentials: Role);
        const string Line = "Execution failed due to configuration error: API Gateway does not have permission to assume the provided role " + Role;

        EngineResult result = await world.RunAsync(RestBatch(
            [.. Request("r1", "GET", "/orders/1", Line), .. Request("r2", "GET", "/orders/2", Line), .. Request("r3", "POST", "/orders", Line)]));

        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RoleTrust), (o.Outcome, o.Reason)));
        Assert.All(result.Outcomes, o => Assert.Contains($"cannot assume role {Role}", o.Detail, StringComparison.Ordinal));
        Assert.All(result.Outcomes, o => Assert.Contains("\"Principal\": {\"Service\": \"apigateway.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"", o.Detail, StringComparison.Ordinal));

        // One ticket per integration: GET /orders/{id} (two paths) and POST /orders.
        Assert.Equal(2, result.Outcomes.Select(o => o.LedgerKey).Distinct().Count());
        Assert.Equal(2, world.Sns.Published.Count);

        // Nothing of the function is read but its tags, once, for the notification's owner.
        Assert.Equal(["ListTags"], world.Lambda.Calls.Distinct());
    }

    [Fact]
    public async Task ProcessAsync_RoleNotAssumableButTheIntegrationHasNoRole_IsUnconfirmed()
    {
        EngineWorld world = OrdersWorld();

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Request(
            "r1", "GET", "/orders/1", "Execution failed due to configuration error: API Gateway does not have permission to assume the provided role " + Role)))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RoleTrust), (outcome.Outcome, outcome.Reason));
        Assert.Equal(outcome.Finding!.Fingerprint, outcome.LedgerKey);
        Assert.Contains(outcome.Verified, line => line.Contains("which has no credentials", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_AuthorizerRoleNotAssumable_OneTicketForTheAuthorizerNamingItsRole()
    {
        EngineWorld world = AuthorizedOrdersWorld(credentials: Role);
        string[] Lines(string id, string method, string path) =>
        [
            $"({id}) HTTP Method: {method}, Resource Path: {path}",
            $"({id}) Execution failed due to configuration error: API Gateway does not have permission to assume the provided role {Role}",
            $"({id}) Execution failed due to configuration error: Authorizer error",
        ];

        EngineResult result = await world.RunAsync(RestBatch([.. Lines("a1", "GET", "/orders/1"), .. Lines("a2", "POST", "/orders")]));

        Assert.All(result.Outcomes, o => Assert.Equal((FindingKind.AuthorizerCredentialsRoleNotAssumable, OutcomeReason.RoleTrust, "q8togz"), (o.Kind, o.Reason, o.AuthorizerId)));
        Assert.Single(result.Outcomes.Select(o => o.LedgerKey).Distinct());
        Assert.All(result.Outcomes, o => Assert.Contains($"cannot assume role {Role}, the credentials of authorizer q8togz", o.Detail, StringComparison.Ordinal));
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_AuthorizerAnsweredWithoutAPolicy_TicketsTheAuthorizer()
    {
        EngineWorld world = AuthorizedOrdersWorld();

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(
            "(j1) HTTP Method: GET, Resource Path: /orders/1",
            $"(j1) Sending request to https://lambda.{Region}.amazonaws.com/2015-03-31/functions/{Authorizer}/invocations",
            "(j1) Execution failed due to configuration error: Invalid JSON in response: Unrecognized field \"errorType\" , not marked as ignorable",
            "(j1) AuthorizerConfigurationException"))).Outcomes);

        Assert.Equal((FindingKind.AuthorizerConfiguration, OutcomeReason.IntegrationConfiguration, Authorizer), (outcome.Kind, outcome.Reason, outcome.FunctionArn));
        Assert.Contains("\"policyDocument\"", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal("q8togz", outcome.AuthorizerId);
    }

    [Fact]
    public async Task ProcessAsync_MappingTemplateFailure_OneTicketPerIntegration()
    {
        EngineWorld world = OrdersWorld();
        const string Line = "Execution failed due to configuration error: Unable to transform request";

        EngineResult result = await world.RunAsync(RestBatch(
            [.. Request("x1", "GET", "/orders/1", Line), .. Request("x2", "GET", "/orders/2", Line), .. Request("x3", "POST", "/orders", Line)]));

        Assert.All(result.Outcomes, o => Assert.Equal((FindingKind.IntegrationConfiguration, OutcomeReason.IntegrationConfiguration), (o.Kind, o.Reason)));
        Assert.Equal(2, result.Outcomes.Select(o => o.LedgerKey).Distinct().Count());
        Assert.All(result.Outcomes, o => Assert.Contains("mapping template of", o.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_TimeoutOnANonLambdaIntegration_TicketsTheIntegration()
    {
        var world = new EngineWorld();
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage)
            .AddMethod(RestApiId, "/slow", "GET", new RestIntegration("HTTP_PROXY", "https://backend.example.com/slow", null, "GET"));

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(
            "(s1) HTTP Method: GET, Resource Path: /slow", "(s1) Execution failed due to a timeout error"))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.IntegrationTimeout), (outcome.Outcome, outcome.Reason));
        Assert.NotEqual(outcome.Finding!.Fingerprint, outcome.LedgerKey);
        Assert.Contains("GET /slow on stage prod", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_HttpApiFunctionError_IsOneTicketForTheRoutesFunction()
    {
        var world = new EngineWorld();
        string items = Function("items-handler");
        world.Lambda.AddFunction(items);
        world.V2.AddApi(HttpApiId).AddStage(HttpApiId, "$default").SetLogging(HttpApiId, "$default", InMemoryApiGatewayV2.Delivering)
            .AddRoute(HttpApiId, "GET /items/{id}", items);
        string Line(string id, string path) =>
            $"{{\"requestId\":\"{id}\",\"apiId\":\"{HttpApiId}\",\"stage\":\"$default\",\"routeKey\":\"GET /items/{{id}}\",\"httpMethod\":\"GET\",\"path\":\"{path}\",\"status\":\"500\","
            + "\"integrationErrorMessage\":\"The Lambda function returned the following error: RequestId: 01fe3839-4974-40d5-960a-173fcb5ec786 Error: Task timed out after 5.00 seconds. Check your Lambda function code and try again.\"}";

        EngineResult result = await world.RunAsync(HttpBatch(Line("Dz1=", "/items/1"), Line("Dz2=", "/items/2")));

        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.FunctionError, items), (o.Outcome, o.Reason, o.FunctionArn)));
        Assert.Single(result.Outcomes.Select(o => o.LedgerKey).Distinct());
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_NodeMalformedHandlerName_IsAHandlerTicket()
    {
        var world = new EngineWorld();
        string permissions = Function("generateUserPermissions");
        world.Lambda.AddFunction(permissions);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/permissions", "GET", Proxy(permissions));

        EngineOutcome outcome = Assert.Single((await world.RunAsync(Fixtures.Message("rest-node-malformed-handler.json"))).Outcomes);

        Assert.Equal((FindingKind.HandlerNotFound, OutcomeReason.Handler, permissions), (outcome.Kind, outcome.Reason, outcome.FunctionArn));
        Assert.Contains("Handler setting", outcome.Detail, StringComparison.Ordinal);
    }
}
