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

    private async Task<IReadOnlyList<JsonElement>> PolicyStatementsAsync(string function, string? qualifier = null)
    {
        var args = new JsonObject { ["FunctionName"] = function };
        if (qualifier is not null)
        {
            args["Qualifier"] = qualifier;
        }

        var read = await _world.RunAsync(Step("lambda", "get_policy", args, save: "policy", expectError: true));
        JsonElement policy = read.GetProperty("policy");
        if (policy.TryGetProperty("ErrorCode", out _))
        {
            return [];
        }

        using var document = JsonDocument.Parse(policy.GetProperty("Policy").GetString()!);
        return [.. document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.Clone())];
    }
}
