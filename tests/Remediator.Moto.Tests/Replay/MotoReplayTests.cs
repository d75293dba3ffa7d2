using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Moto.Tests.Support;
using static Remediator.Moto.Tests.Support.Boto3Steps;

namespace Remediator.Moto.Tests.Replay;

/// <summary>
/// <c>remediator replay</c> against moto, an AWS implementation nobody here wrote, seeded through boto3: the
/// replay matrix moto's control plane supports (HTTP API routes, <c>$default</c>, WebSocket routes, HTTP
/// authorizers, role-based integrations, already allowed, observe and recommend).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoReplayTests(MotoFixture fixture) : IAsyncLifetime
{
    private const string AccessLogGroup = "items-access";
    private const string RequestId = "3c1d2e3f-1111-4222-8333-444455556666";
    private const string IntegrationRefused = "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.";
    private const string AuthorizerRefused = "The IAM role configured on the authorizer or API Gateway doesn't have permissions to call the authorizer. Check the permissions and try again.";

    private readonly MotoWorld _world = new(fixture.Server);

    public Task InitializeAsync() => fixture.Server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("GET /items/{id}", "GET", "/items/42", "GET/items/*")]
    [InlineData("ANY /items", "POST", "/items", "*/items")]
    [InlineData("$default", "GET", "/anything/else", "$default")]
    public async Task Replay_HttpRouteRefused_AddsTheRoutesPermission(string routeKey, string method, string path, string scope)
    {
        var seeded = await _world.RunAsync([.. MotoWorld.Function("items"), .. MotoWorld.HttpApi(AccessLogGroup), .. MotoWorld.Route(routeKey, MotoWorld.FunctionArn("items"), "route")]);
        string apiId = seeded.GetProperty("api").GetProperty("ApiId").GetString()!;

        var (exitCode, outcomes, error) = _world.Replay(MotoWorld.AccessLogPayload(AccessLogGroup, apiId, routeKey, method, path, "integrationErrorMessage", IntegrationRefused), "enforce");

        Assert.True(exitCode == 0, error);
        JsonElement outcome = Assert.Single(outcomes);
        Assert.Equal(("Fixed", MotoWorld.FunctionArn("items")), (outcome.GetProperty("outcome").GetString(), outcome.GetProperty("functionArn").GetString()));
        Assert.EndsWith($":{apiId}/{MotoWorld.Stage}/{scope}", outcome.GetProperty("sourceArn").GetString(), StringComparison.Ordinal);
        JsonElement statement = Assert.Single(await PolicyStatementsAsync("items"));
        Assert.Equal(outcome.GetProperty("statementId").GetString(), statement.GetProperty("Sid").GetString());
        Assert.Equal(outcome.GetProperty("sourceArn").GetString(), statement.GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString());
    }

    // Lambda keeps one policy per qualifier: the grant goes to the alias or version the integration invokes, its
    // Resource the qualified ARN. moto 5.2.1 keeps one policy per function (GetPolicy shows the statement for every
    // qualifier), so that the function's own policy stays empty is shown against the sandbox
    // (EndToEndRestTests.Remediate_StageVariableNamesAlias_FixesTheAliasPolicyOnly).
    [Theory]
    [InlineData("live")]
    [InlineData("1")]
    public async Task Replay_RouteInvokesAQualifier_GrantsOnThatQualifiersPolicyOnly(string qualifier)
    {
        var seeded = await _world.RunAsync(
        [
            .. MotoWorld.Function("items", publish: true),
            Step("lambda", "create_alias", new JsonObject { ["FunctionName"] = "items", ["Name"] = "live", ["FunctionVersion"] = "1" }),
            .. MotoWorld.HttpApi(AccessLogGroup),
            .. MotoWorld.Route("GET /items", MotoWorld.FunctionArn("items") + ":" + qualifier, "route"),
        ]);
        string apiId = seeded.GetProperty("api").GetProperty("ApiId").GetString()!;

        var (exitCode, outcomes, error) = _world.Replay(MotoWorld.AccessLogPayload(AccessLogGroup, apiId, "GET /items", "GET", "/items", "integrationErrorMessage", IntegrationRefused), "enforce");

        Assert.True(exitCode == 0, error);
        JsonElement outcome = Assert.Single(outcomes);
        Assert.Equal(("Fixed", qualifier), (outcome.GetProperty("outcome").GetString(), outcome.GetProperty("qualifier").GetString()));
        JsonElement statement = Assert.Single(await _world.PolicyStatementsAsync("items", qualifier));
        Assert.Equal(MotoWorld.FunctionArn("items") + ":" + qualifier, statement.GetProperty("Resource").GetString());
        Assert.Equal(outcome.GetProperty("statementId").GetString(), statement.GetProperty("Sid").GetString());
    }

    [Fact]
    public async Task Replay_WebSocketConnectRefused_AddsTheRoutesPermission()
    {
        var seeded = await _world.RunAsync(
        [
            .. MotoWorld.Function("chat"),
            Step("apigatewayv2", "create_api", new JsonObject { ["Name"] = "chat", ["ProtocolType"] = "WEBSOCKET", ["RouteSelectionExpression"] = "$request.body.action" }, save: "api"),
            Step("apigatewayv2", "create_stage", new JsonObject { ["ApiId"] = "${api.ApiId}", ["StageName"] = MotoWorld.Stage, ["DefaultRouteSettings"] = new JsonObject { ["LoggingLevel"] = "INFO" } }),
            .. MotoWorld.Route("$connect", MotoWorld.InvokeUri(MotoWorld.FunctionArn("chat")), "route"),
        ]);
        string apiId = seeded.GetProperty("api").GetProperty("ApiId").GetString()!;
        string payload = MotoWorld.Payload($"API-Gateway-Execution-Logs_{apiId}/{MotoWorld.Stage}",
        [
            $"({RequestId}) WebSocket Request Route: [$connect]",
            $"({RequestId}) Execution failed due to configuration error: Invalid permissions on Lambda function",
        ]);

        var (exitCode, outcomes, error) = _world.Replay(payload, "enforce");

        Assert.True(exitCode == 0, error);
        JsonElement outcome = Assert.Single(outcomes);
        Assert.Equal("Fixed", outcome.GetProperty("outcome").GetString());
        Assert.EndsWith($":{apiId}/{MotoWorld.Stage}/$connect", outcome.GetProperty("sourceArn").GetString(), StringComparison.Ordinal);
        Assert.Single(await PolicyStatementsAsync("chat"));
    }

    [Fact]
    public async Task Replay_HttpAuthorizerRefused_GrantsTheAuthorizerSourceArn()
    {
        var seeded = await _world.RunAsync(
        [
            .. MotoWorld.Function("items"),
            .. MotoWorld.Function("gatekeeper"),
            .. MotoWorld.HttpApi(AccessLogGroup),
            Step("apigatewayv2", "create_authorizer", new JsonObject
            {
                ["ApiId"] = "${api.ApiId}", ["AuthorizerType"] = "REQUEST", ["Name"] = "gate", ["AuthorizerPayloadFormatVersion"] = "2.0",
                ["AuthorizerUri"] = MotoWorld.InvokeUri(MotoWorld.FunctionArn("gatekeeper")), ["IdentitySource"] = new JsonArray("$request.header.Authorization"),
            }, save: "gate"),
            .. MotoWorld.Route("GET /items", MotoWorld.FunctionArn("items"), "route", authorizer: "gate"),
        ]);
        string apiId = seeded.GetProperty("api").GetProperty("ApiId").GetString()!;
        string authorizerId = seeded.GetProperty("gate").GetProperty("AuthorizerId").GetString()!;

        var (exitCode, outcomes, error) = _world.Replay(MotoWorld.AccessLogPayload(AccessLogGroup, apiId, "GET /items", "GET", "/items", "authorizerError", AuthorizerRefused), "enforce");

        Assert.True(exitCode == 0, error);
        JsonElement outcome = Assert.Single(outcomes);
        Assert.Equal(("Fixed", MotoWorld.FunctionArn("gatekeeper")), (outcome.GetProperty("outcome").GetString(), outcome.GetProperty("functionArn").GetString()));
        Assert.Equal($"arn:aws:execute-api:{MotoWorld.Region}:{MotoWorld.Account}:{apiId}/authorizers/{authorizerId}", outcome.GetProperty("sourceArn").GetString());
        Assert.Single(await PolicyStatementsAsync("gatekeeper"));
        Assert.Empty(await PolicyStatementsAsync("items"));
    }

    [Fact]
    public async Task Replay_IntegrationCallsAsARole_TicketsAndWritesNothing()
    {
        var seeded = await _world.RunAsync(
        [
            .. MotoWorld.Function("items"),
            .. MotoWorld.HttpApi(AccessLogGroup),
            .. MotoWorld.Route("GET /items", MotoWorld.FunctionArn("items"), "route", credentialsArn: $"arn:aws:iam::{MotoWorld.Account}:role/api-invoker"),
        ]);
        string apiId = seeded.GetProperty("api").GetProperty("ApiId").GetString()!;

        var (exitCode, outcomes, error) = _world.Replay(MotoWorld.AccessLogPayload(AccessLogGroup, apiId, "GET /items", "GET", "/items", "integrationErrorMessage", IntegrationRefused), "enforce");

        Assert.True(exitCode == 0, error);
        JsonElement outcome = Assert.Single(outcomes);
        Assert.Equal("Ticket", outcome.GetProperty("outcome").GetString());
        Assert.Contains("api-invoker", outcome.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await PolicyStatementsAsync("items"));
    }

    [Fact]
    public async Task Replay_PolicyAlreadyAllows_WritesNothing()
    {
        var seeded = await _world.RunAsync(
        [
            .. MotoWorld.Function("items"),
            .. MotoWorld.HttpApi(AccessLogGroup),
            .. MotoWorld.Route("GET /items", MotoWorld.FunctionArn("items"), "route"),
            Step("lambda", "add_permission", new JsonObject
            {
                ["FunctionName"] = "items", ["StatementId"] = "console-added", ["Action"] = "lambda:InvokeFunction", ["Principal"] = "apigateway.amazonaws.com",
                ["SourceArn"] = $"arn:aws:execute-api:{MotoWorld.Region}:{MotoWorld.Account}:${{api.ApiId}}/*/GET/items",
            }),
        ]);
        string apiId = seeded.GetProperty("api").GetProperty("ApiId").GetString()!;

        var (exitCode, outcomes, error) = _world.Replay(MotoWorld.AccessLogPayload(AccessLogGroup, apiId, "GET /items", "GET", "/items", "integrationErrorMessage", IntegrationRefused), "enforce");

        Assert.True(exitCode == 0, error);
        JsonElement outcome = Assert.Single(outcomes);
        Assert.Equal(("AlreadyAllowed", "PolicyAllows"), (outcome.GetProperty("outcome").GetString(), outcome.GetProperty("reason").GetString()));
        Assert.Equal(["console-added"], (await PolicyStatementsAsync("items")).Select(s => s.GetProperty("Sid").GetString()));
    }

    [Theory]
    [InlineData("observe", "Observed")]
    [InlineData("recommend", "Recommended")]
    public async Task Replay_ObserveOrRecommend_WritesNothing(string mode, string expected)
    {
        var seeded = await _world.RunAsync([.. MotoWorld.Function("items"), .. MotoWorld.HttpApi(AccessLogGroup), .. MotoWorld.Route("GET /items", MotoWorld.FunctionArn("items"), "route")]);
        string apiId = seeded.GetProperty("api").GetProperty("ApiId").GetString()!;

        var (exitCode, outcomes, error) = _world.Replay(MotoWorld.AccessLogPayload(AccessLogGroup, apiId, "GET /items", "GET", "/items", "integrationErrorMessage", IntegrationRefused), mode);

        Assert.True(exitCode == 0, error);
        Assert.Equal(expected, Assert.Single(outcomes).GetProperty("outcome").GetString());
        Assert.Empty(await PolicyStatementsAsync("items"));
    }

    private Task<IReadOnlyList<JsonElement>> PolicyStatementsAsync(string function) => _world.PolicyStatementsAsync(function);
}
