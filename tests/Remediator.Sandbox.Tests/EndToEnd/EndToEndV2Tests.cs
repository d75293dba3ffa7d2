using System.Net;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>HTTP API (access logs) and WebSocket API (execution logs) scenarios through the sandbox.</summary>
public class EndToEndV2Tests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    [Fact]
    public async Task Remediate_HttpRoutesGetItemsAndDefault_FixBothRoutes()
    {
        account.Reset();
        string items = await account.CreateFunctionAsync("items");
        string fallback = await account.CreateFunctionAsync("fallback");
        (string api, _) = await account.HttpApi()
            .Route("GET /items", items)
            .Route("$default", fallback)
            .DeployAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, "$default", "GET", "/items"));
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, "$default", "POST", "/anything/else"));

        IReadOnlyList<EngineOutcome> outcomes = await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync()));

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal((RemediationOutcome.Fixed, ApiType.Http), (o.Outcome, o.ApiType)));
        Assert.Equal(["GET /items", "$default"], outcomes.Select(o => o.RouteKey));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, "$default", "GET", "/items"));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, "$default", "DELETE", "/whatever"));
    }

    [Fact]
    public async Task Remediate_HttpRouteOnNamedStage_StripsTheStageFromTheLoggedPath()
    {
        account.Reset();
        string items = await account.CreateFunctionAsync("items");
        (string api, _) = await account.HttpApi().Route("GET /items/{id}", items).DeployAsync("dev");
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, "dev", "GET", "/items/9"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Fixed, "GET /items/{id}"), (outcome.Outcome, outcome.RouteKey));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, "dev", "GET", "/items/10"));
    }

    [Fact]
    public async Task Remediate_HttpAuthorizer_GrantsTheAuthorizer()
    {
        account.Reset();
        string items = await account.CreateFunctionAsync("items");
        string authorizer = await account.CreateFunctionAsync("http-authorizer");
        (string api, IReadOnlyDictionary<string, string> ids) = await account.HttpApi()
            .Authorizer("lambda", account.InvokeUri(authorizer))
            .Route("GET /items", items, authorizer: "lambda")
            .DeployAsync();
        await account.AllowApiAsync(items, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/*/items");
        var headers = new Dictionary<string, string> { ["Authorization"] = "token" };
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, "$default", "GET", "/items", headers));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Fixed, FindingKind.AuthorizerInvokePermission, authorizer), (outcome.Outcome, outcome.Kind, outcome.FunctionArn));
        Assert.Equal($"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/authorizers/{ids["lambda"]}", outcome.SourceArn);
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, "$default", "GET", "/items", headers));
    }

    [Fact]
    public async Task Remediate_WebSocketConnectRoute_FixesTheRoute()
    {
        account.Reset();
        string connect = await account.CreateFunctionAsync("chat-onconnect");
        (string api, _) = await account.WebSocketApi().Route("$connect", account.InvokeUri(connect)).DeployAsync("production");
        var route = new Dictionary<string, string> { ["X-Sandbox-Route-Key"] = "$connect" };
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, "production", "GET", "/", route));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Fixed, ApiType.WebSocket, "$connect"), (outcome.Outcome, outcome.ApiType, outcome.RouteKey));
        Assert.Equal($"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/production/$connect", outcome.SourceArn);
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, "production", "GET", "/", route));
    }

    private async Task<RemediatorSettings> EnforceAsync() => new()
    {
        Mode = RemediatorMode.Enforce,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = TimeSpan.Zero,
    };
}
