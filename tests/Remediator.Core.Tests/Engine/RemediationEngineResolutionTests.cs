using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Ports;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>Resolution through the engine: every API type and integration shape, and the tickets it leads to.</summary>
public class RemediationEngineResolutionTests
{
    private const string Id = "0f2b6a1e-1111-4222-8333-444455556666";

    [Fact]
    public async Task ProcessAsync_StageVariableNamesFunction_GrantsTheSubstitutedFunction()
    {
        var world = new EngineWorld();
        string blue = Function("pets-blue");
        world.Lambda.AddFunction(blue);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage, new Dictionary<string, string> { ["fn"] = "pets-blue" })
            .AddMethod(RestApiId, "/pets", "GET", Proxy(Function("${stageVariables.fn}")));

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets", blue))));

        Assert.Equal((RemediationOutcome.Fixed, blue), (outcome.Outcome, outcome.FunctionArn));
        Assert.Single(world.Lambda.Statements(blue));
    }

    [Fact]
    public async Task ProcessAsync_StageVariableNamesAlias_GrantsOnTheAliasPolicy()
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets, "3").AddAlias(Pets, "live", "3");
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage, new Dictionary<string, string> { ["alias"] = "live" })
            .AddMethod(RestApiId, "/pets", "GET", Proxy(Pets + ":${stageVariables.alias}"));

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets", Pets + ":live"))));

        Assert.Equal((RemediationOutcome.Fixed, "live"), (outcome.Outcome, outcome.Qualifier));
        Assert.Single(world.Lambda.Statements(Pets, "live"));
        Assert.Empty(world.Lambda.Statements(Pets));
        Assert.Contains("--qualifier live", outcome.RemovePermissionCommand, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/pets/{id}", "GET", "GET", "/pets/42", "/prod/GET/pets/*")]
    [InlineData("/{proxy+}", "ANY", "DELETE", "/a/b/c", "/prod/*/*")]
    [InlineData("/files/{proxy+}", "GET", "GET", "/files/x/y.txt", "/prod/GET/files/*")]
    [InlineData("/pets", "ANY", "POST", "/pets", "/prod/*/pets")]
    [InlineData("/", "GET", "GET", "/", "/prod/GET/")]
    public async Task ProcessAsync_RestResourceShapes_GrantTheTemplateNotTheRequest(
        string template, string configured, string method, string path, string expectedSuffix)
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, template, configured, Proxy(Pets));

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, method, path, Pets))));

        Assert.Equal(RemediationOutcome.Fixed, outcome.Outcome);
        Assert.Equal($"arn:aws:execute-api:us-east-1:{Account}:{RestApiId}{expectedSuffix}", outcome.SourceArn);
    }

    [Fact]
    public async Task ProcessAsync_StageExportUnreadable_TicketsWithoutReadingTheFunction()
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/pets", "GET", Proxy(Pets))
            .FailExport(RestApiId, "the stage export has 7000000 bytes, more than the 6291456 Remediator reads");

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets", Pets))));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Unresolvable), (outcome.Outcome, outcome.Reason));
        Assert.Contains("7000000 bytes", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(world.Lambda.Statements(Pets));
        Assert.DoesNotContain("AddPermission", world.Lambda.Calls);
    }

    [Fact]
    public async Task ProcessAsync_DraftAuthorizerChangedSinceDeployment_TicketsInsteadOfGuessingItsId()
    {
        var world = new EngineWorld();
        string auth = Function("auth");
        string other = Function("admin-reset-passwords");
        world.Lambda.AddFunction(auth).AddFunction(other);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage)
            .AddAuthorizer(RestApiId, "az1", InvokeUri(auth))
            .AddMethod(RestApiId, "/pets", "GET", Proxy(Pets), authorizerId: "az1")
            .ChangeDraftAuthorizer(RestApiId, "az1", InvokeUri(other));

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets", auth, authorizer: true))));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Unresolvable), (outcome.Outcome, outcome.Reason));
        Assert.Contains("was changed after stage", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(world.Lambda.Statements(auth));
        Assert.Empty(world.Lambda.Statements(other));
    }

    [Theory]
    [InlineData("GET /items", "GET", "/items", "/$default/GET/items")]
    [InlineData("GET /items/{id}", "GET", "/items/7", "/$default/GET/items/*")]
    [InlineData("ANY /items", "PUT", "/items", "/$default/*/items")]
    [InlineData("$default", "GET", "/anything/else", "/$default/$default")]
    public async Task ProcessAsync_HttpApiRoutes_GrantTheRoute(string routeKey, string method, string path, string expectedSuffix)
    {
        var world = new EngineWorld();
        string items = Function("items");
        world.Lambda.AddFunction(items);
        world.V2.AddApi(HttpApiId).AddStage(HttpApiId, "$default").AddRoute(HttpApiId, routeKey, items);

        EngineOutcome outcome = Single(await world.RunAsync(HttpBatch(HttpAccessLine("Vw7x5hKPoAMEbZw=", routeKey, method, path))));

        Assert.Equal((RemediationOutcome.Fixed, ApiType.Http), (outcome.Outcome, outcome.ApiType));
        Assert.Equal($"arn:aws:execute-api:us-east-1:{Account}:{HttpApiId}{expectedSuffix}", outcome.SourceArn);
    }

    [Fact]
    public async Task ProcessAsync_HttpRouteKeyContradictsPath_TicketsMismatch()
    {
        var world = new EngineWorld();
        string items = Function("items");
        world.Lambda.AddFunction(items);
        world.V2.AddApi(HttpApiId).AddStage(HttpApiId, "$default").AddRoute(HttpApiId, "GET /items", items).AddRoute(HttpApiId, "GET /admin", items);

        EngineOutcome outcome = Single(await world.RunAsync(HttpBatch(HttpAccessLine("Vw7x5hKPoAMEbZw=", "GET /admin", "GET", "/items"))));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.LogControlPlaneMismatch), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_WebSocketRoute_GrantsTheRouteKey()
    {
        var world = new EngineWorld();
        string connect = Function("chat-onconnect");
        world.Lambda.AddFunction(connect);
        world.V2.AddApi(WsApiId, "WEBSOCKET").AddStage(WsApiId, "production").AddRoute(WsApiId, "$connect", InvokeUri(connect), type: "AWS_PROXY");

        EngineOutcome outcome = Single(await world.RunAsync(
            Batch(ExecutionGroup(WsApiId, "production"), WebSocketFailure("MQPp0FKeoAMFfwg=", "$connect", connect))));

        Assert.Equal((RemediationOutcome.Fixed, ApiType.WebSocket), (outcome.Outcome, outcome.ApiType));
        Assert.Equal($"arn:aws:execute-api:us-east-1:{Account}:{WsApiId}/production/$connect", outcome.SourceArn);
    }

    [Fact]
    public async Task ProcessAsync_RestAuthorizer_GrantsTheAuthorizerSourceArnToItsFunction()
    {
        var world = new EngineWorld().WithPetsApi();
        string authorizer = Function("token-authorizer");
        world.Lambda.AddFunction(authorizer);
        world.Rest.AddAuthorizer(RestApiId, "4hugyv", InvokeUri(authorizer))
            .AddMethod(RestApiId, "/secure", "GET", Proxy(Pets), authorizerId: "4hugyv");

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/secure", authorizer, authorizer: true))));

        Assert.Equal((RemediationOutcome.Fixed, authorizer, "4hugyv"), (outcome.Outcome, outcome.FunctionArn, outcome.AuthorizerId));
        Assert.Equal($"arn:aws:execute-api:us-east-1:{Account}:{RestApiId}/authorizers/4hugyv", outcome.SourceArn);
        Assert.Empty(world.Lambda.Statements(Pets));
    }

    [Fact]
    public async Task ProcessAsync_HttpAuthorizer_GrantsTheAuthorizerSourceArn()
    {
        var world = new EngineWorld();
        string items = Function("items");
        string authorizer = Function("http-authorizer");
        world.Lambda.AddFunction(items).AddFunction(authorizer);
        world.V2.AddApi(HttpApiId).AddStage(HttpApiId, "$default").AddAuthorizer(HttpApiId, "au1", InvokeUri(authorizer))
            .AddRoute(HttpApiId, "GET /items", items, authorizerId: "au1");

        EngineOutcome outcome = Single(await world.RunAsync(HttpBatch(HttpAccessLine("Vw7x5hKPoAMEbZw=", "GET /items", "GET", "/items", authorizer: true))));

        Assert.Equal((RemediationOutcome.Fixed, authorizer), (outcome.Outcome, outcome.FunctionArn));
        Assert.Equal($"arn:aws:execute-api:us-east-1:{Account}:{HttpApiId}/authorizers/au1", outcome.SourceArn);
    }

    [Fact]
    public async Task ProcessAsync_RoleBasedIntegration_TicketsWithoutReadingThePolicy()
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage)
            .AddMethod(RestApiId, "/pets", "GET", Proxy(Pets, credentials: $"arn:aws:iam::{Account}:role/apigw-invoke"));

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets", Pets))));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("GetPolicy"));
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_CrossAccountFunction_Tickets()
    {
        var world = new EngineWorld();
        string foreign = Function("shared", account: OtherAccount);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/pets", "GET", Proxy(foreign));

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets", foreign))));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.CrossAccountFunction), (outcome.Outcome, outcome.Reason));
        Assert.Empty(world.Lambda.Calls);
    }

    [Fact]
    public async Task ProcessAsync_MissingAlias_TicketsAliasNotFound()
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage, new Dictionary<string, string> { ["alias"] = "canary" })
            .AddMethod(RestApiId, "/pets", "GET", Proxy(Pets + ":${stageVariables.alias}"));

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets", Pets + ":canary"))));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.AliasNotFound), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("7")]
    public async Task ProcessAsync_MissingFunctionOrVersion_TicketsFunctionNotFound(string? version)
    {
        var world = new EngineWorld();
        string invoked = version is null ? Pets : $"{Pets}:{version}";
        if (version is not null)
        {
            world.Lambda.AddFunction(Pets);
        }

        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/pets", "GET", Proxy(invoked));

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets", invoked))));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.FunctionNotFound), (outcome.Outcome, outcome.Reason));
    }

    [Fact]
    public async Task ProcessAsync_LoggedFunctionDiffersFromIntegration_TicketsMismatchAndNeverWrites()
    {
        var world = new EngineWorld().WithPetsApi();
        string attacker = Function("attacker");
        world.Lambda.AddFunction(attacker);

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets/1", attacker))));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.LogControlPlaneMismatch), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Theory]
    [InlineData("forged-header", "(f7777777-7777-4777-8777-777777777777) Method request headers: {X-Uri=Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:attacker/invocations}")]
    [InlineData("forged-body", "(f7777777-7777-4777-8777-777777777777) Method request body before transformations: Execution failed due to configuration error: Invalid permissions on Lambda function")]
    [InlineData("forged-path", "(f7777777-7777-4777-8777-777777777777) HTTP Method: GET, Resource Path: /restapis/zzzzzzzzzz/Execution failed due to configuration error: Invalid permissions on Lambda function")]
    public async Task ProcessAsync_ForgedLines_NeverWrite(string name, string forged)
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddFunction(Function("attacker"));

        EngineResult result = await world.RunAsync(RestBatch(forged, "(f7777777-7777-4777-8777-777777777777) Method completed with status: 500"));

        Assert.True(result.Outcomes.All(o => o.Outcome != RemediationOutcome.Fixed), name);
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_RealFailureWithForgedUriInHeader_UsesTheControlPlaneFunction()
    {
        var world = new EngineWorld().WithPetsApi();
        string[] lines =
        [
            $"({Id}) HTTP Method: GET, Resource Path: /pets/1",
            $"({Id}) Method request headers: {{X-Uri=Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/{Function("attacker")}/invocations}}",
            $"({Id}) Execution failed due to configuration error: Invalid permissions on Lambda function",
        ];

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(lines)));

        Assert.Equal((RemediationOutcome.Fixed, Pets), (outcome.Outcome, outcome.FunctionArn));
    }

    [Fact]
    public async Task ProcessAsync_PathNamingAnotherApi_ResolvesOnlyWithinTheLogGroupsApi()
    {
        var world = new EngineWorld().WithPetsApi();

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/restapis/zzzzzzzzzz/resources", null))));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Unresolvable), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Theory]
    [InlineData("unknown-api")]
    [InlineData("unknown-stage")]
    public async Task ProcessAsync_LinesNamingNoSuchApiOrStage_AreIgnoredWithoutMessageOrRecord(string shape)
    {
        // Nothing but forged or stale lines name a stage that does not exist: a metric, never a message or a ledger
        // record someone could flood (docs/ARCHITECTURE.md, "Safety rules" 14).
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        string api = shape == "unknown-api" ? "zzzz1111" : RestApiId;
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, shape == "unknown-stage" ? "dev" : Stage).AddMethod(RestApiId, "/pets", "GET", Proxy(Pets));

        EngineOutcome outcome = Single(await world.RunAsync(Batch(ExecutionGroup(api), RestFailure(Id, "GET", "/pets", null))));

        Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.LogSourceMismatch), (outcome.Outcome, outcome.Reason));
        Assert.Null(outcome.LedgerKey);
        Assert.Empty(world.Sns.Published);
        Assert.Empty(await world.Ledger.ListAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Theory]
    [InlineData("http-integration", OutcomeReason.LogControlPlaneMismatch)]
    [InlineData("missing-stage-variable", OutcomeReason.Unresolvable)]
    [InlineData("no-authorizer", OutcomeReason.LogControlPlaneMismatch)]
    public async Task ProcessAsync_ControlPlaneCannotConfirm_Tickets(string shape, OutcomeReason expected)
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        string api = shape == "unknown-api" ? "zzzz1111" : RestApiId;
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, shape == "unknown-stage" ? "dev" : Stage);
        RestIntegration integration = shape switch
        {
            "http-integration" => new RestIntegration("HTTP_PROXY", "https://example.com/pets", null, "GET"),
            "missing-stage-variable" => Proxy(Function("${stageVariables.fn}")),
            _ => Proxy(Pets),
        };
        world.Rest.AddMethod(RestApiId, "/pets", "GET", integration);

        EngineOutcome outcome = Single(await world.RunAsync(Batch(ExecutionGroup(api), RestFailure(Id, "GET", "/pets", null, authorizer: shape == "no-authorizer"))));

        Assert.Equal((RemediationOutcome.Ticket, expected), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_RestLogsNamingAnHttpApi_AreIgnoredAsForged()
    {
        // HTTP APIs write no execution logs: such lines were written by someone else.
        var world = new EngineWorld();
        world.V2.AddApi(RestApiId).AddStage(RestApiId, Stage);

        EngineOutcome outcome = Single(await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets", null))));

        Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.LogSourceMismatch), (outcome.Outcome, outcome.Reason));
        Assert.Empty(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_OneApiOfASharedAccessLogCannotBeRead_TicketsItAndFixesTheOther()
    {
        // Nothing is claimed while a batch is resolved: an error no retry cures (403) must end as the finding's
        // ticket, not fail every retry of the batch with the other API's fix in it and never escalate.
        const string denied = "d0d0d0d0d0";
        var world = new EngineWorld();
        string items = Function("items");
        world.Lambda.AddFunction(items);
        world.V2.AddApi(HttpApiId).AddStage(HttpApiId, "$default").AddRoute(HttpApiId, "GET /items", items);
        world.V2.DeniedApis.Add(denied);

        EngineResult result = await world.RunAsync(HttpBatch(
            HttpAccessLine("Vw7x5hKPoAMEbZw=", "GET /orders", "GET", "/orders", apiId: denied),
            HttpAccessLine("Xa1y6iLQpBNFcAx=", "GET /items", "GET", "/items")));

        EngineOutcome unreadable = Assert.Single(result.Outcomes, o => o.Finding!.ApiId == denied);
        EngineOutcome readable = Assert.Single(result.Outcomes, o => o.Finding!.ApiId == HttpApiId);
        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Unresolvable), (unreadable.Outcome, unreadable.Reason));
        Assert.Contains(AwsErrorCodes.AccessDenied, unreadable.Detail, StringComparison.Ordinal);
        Assert.Equal(unreadable.Finding!.Fingerprint, unreadable.LedgerKey);
        Assert.Equal((RemediationOutcome.Fixed, OutcomeReason.PermissionMissing), (readable.Outcome, readable.Reason));
    }

    private static EngineOutcome Single(EngineResult result) => Assert.Single(result.Outcomes);
}
