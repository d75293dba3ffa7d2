using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Cli;
using Remediator.Moto.Tests.Support;
using static Remediator.Moto.Tests.Support.Boto3Steps;

namespace Remediator.Moto.Tests.Differences;

/// <summary>
/// Where moto 5.2.1 is known to differ from AWS, pinned so a moto upgrade that closes a gap shows up here, and so
/// nobody reads a green moto leg as proof of what moto cannot show. Each of these behaviours is covered against
/// the project's sandbox instead (named per test).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoDifferencesTests(MotoFixture fixture) : IAsyncLifetime
{
    private const string Grant = "lambda:InvokeFunction";
    private readonly MotoWorld _world = new(fixture.Server);

    public Task InitializeAsync() => fixture.Server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    // AWS: 409 ResourceConflictException, which the engine reads as "our statement is already there"
    // (sandbox: LambdaServicePolicyTests.AddPermission_DuplicateStatementId_Returns409ResourceConflict).
    [Fact]
    public async Task AddPermission_DuplicateStatementId_MotoAcceptsWhereLambdaAnswers409()
    {
        var seeded = await _world.RunAsync([.. MotoWorld.Function("twice"), Permission("twice", "same", "first"), Permission("twice", "same", "second", expectError: true)]);

        Assert.False(seeded.GetProperty("second").TryGetProperty("ErrorCode", out _), "moto now refuses a duplicate statement id: the gap is closed, drop this difference");
        Assert.Equal(2, (await _world.PolicyStatementsAsync("twice")).Count);
    }

    // AWS: 400 PolicyLengthExceededException past 20 KB, which the engine turns into Ticket(PolicyTooLarge)
    // (sandbox: EndToEndRestTests.Remediate_PolicyNear20KB_TicketsAndLeavesThePolicyAlone).
    [Fact]
    public async Task AddPermission_PolicyOver20KB_MotoAcceptsWhereLambdaRefuses()
    {
        string longArn = $"arn:aws:execute-api:{MotoWorld.Region}:{MotoWorld.Account}:abcdef1234/*/GET/{new string('p', 400)}";
        JsonObject[] grants = [.. Enumerable.Range(0, 60).Select(i => Step("lambda", "add_permission", new JsonObject
        {
            ["FunctionName"] = "large", ["StatementId"] = $"s{i}", ["Action"] = Grant, ["Principal"] = "apigateway.amazonaws.com", ["SourceArn"] = longArn,
        }, save: i == 59 ? "last" : null, expectError: i == 59))];
        var seeded = await _world.RunAsync([.. MotoWorld.Function("large"), .. grants, Step("lambda", "get_policy", new JsonObject { ["FunctionName"] = "large" }, save: "policy")]);

        Assert.True(seeded.GetProperty("policy").GetProperty("Policy").GetString()!.Length > 20 * 1024);
        Assert.False(seeded.GetProperty("last").TryGetProperty("ErrorCode", out _), "moto now enforces Lambda's 20 KB policy limit: the gap is closed, drop this difference");
    }

    // AWS removes the statement when RevisionId is the one GetPolicy returned
    // (sandbox: LambdaServicePolicyTests.RemovePermission_StaleRevisionId_Returns412 and the revert tests).
    [Fact]
    public async Task RemovePermission_CurrentRevisionId_MotoAnswers412WhereLambdaRemoves()
    {
        var seeded = await _world.RunAsync(
        [
            .. MotoWorld.Function("revision"), Permission("revision", "one", "granted"),
            Step("lambda", "get_policy", new JsonObject { ["FunctionName"] = "revision" }, save: "policy"),
            Step("lambda", "remove_permission", new JsonObject { ["FunctionName"] = "revision", ["StatementId"] = "one", ["RevisionId"] = "${policy.RevisionId}" }, save: "removed", expectError: true),
        ]);

        Assert.Equal("PreconditionFailedException", seeded.GetProperty("removed").GetProperty("ErrorCode").GetString());
        Assert.Single(await _world.PolicyStatementsAsync("revision"));
    }

    // AWS GetExport with extensions=integrations,authorizers carries x-amazon-apigateway-integration per method;
    // moto exports bare swagger, so a REST stage's deployed integrations cannot be read and nothing is granted
    // (sandbox: EndToEndRestTests, the REST half of the replay matrix).
    [Fact]
    public async Task Replay_RestApi_MotosExportLacksTheIntegrationsSoNothingResolves()
    {
        var seeded = await _world.RunAsync(
        [
            .. MotoWorld.Function("pets"),
            Step("apigateway", "create_rest_api", new JsonObject { ["name"] = "pets" }, save: "rest"),
            Step("apigateway", "create_resource", new JsonObject { ["restApiId"] = "${rest.id}", ["parentId"] = "${rest.rootResourceId}", ["pathPart"] = "pets" }, save: "resource"),
            Step("apigateway", "put_method", new JsonObject { ["restApiId"] = "${rest.id}", ["resourceId"] = "${resource.id}", ["httpMethod"] = "GET", ["authorizationType"] = "NONE" }),
            Step("apigateway", "put_integration", new JsonObject
            {
                ["restApiId"] = "${rest.id}", ["resourceId"] = "${resource.id}", ["httpMethod"] = "GET", ["type"] = "AWS_PROXY",
                ["integrationHttpMethod"] = "POST", ["uri"] = MotoWorld.InvokeUri(MotoWorld.FunctionArn("pets")),
            }),
            Step("apigateway", "create_deployment", new JsonObject { ["restApiId"] = "${rest.id}", ["stageName"] = MotoWorld.Stage }),
            Step("apigateway", "update_stage", new JsonObject
            {
                ["restApiId"] = "${rest.id}", ["stageName"] = MotoWorld.Stage,
                ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/*/*/logging/loglevel", ["value"] = "INFO" }),
            }),
            Step("apigateway", "get_export", new JsonObject { ["restApiId"] = "${rest.id}", ["stageName"] = MotoWorld.Stage, ["exportType"] = "oas30", ["parameters"] = new JsonObject { ["extensions"] = "integrations,authorizers" } }, save: "export"),
        ]);
        string apiId = seeded.GetProperty("rest").GetProperty("id").GetString()!;
        const string requestId = "3c1d2e3f-1111-4222-8333-444455556666";
        string payload = MotoWorld.Payload($"API-Gateway-Execution-Logs_{apiId}/{MotoWorld.Stage}",
        [
            $"({requestId}) HTTP Method: GET, Resource Path: /pets",
            $"({requestId}) Execution failed due to configuration error: Invalid permissions on Lambda function",
        ]);

        var (exitCode, outcomes, error) = _world.Replay(payload, "enforce");

        Assert.DoesNotContain("x-amazon-apigateway-integration", seeded.GetProperty("export").GetProperty("body").GetString() ?? string.Empty, StringComparison.Ordinal);
        Assert.True(exitCode == 0, error);
        JsonElement outcome = Assert.Single(outcomes);
        Assert.Equal("Ticket", outcome.GetProperty("outcome").GetString());
        Assert.Empty(await _world.PolicyStatementsAsync("pets"));
    }

    // OpsCenter: moto 5.2.1 has no OpsItems (DescribeOpsItems is a 500), so the moto leg runs with
    // REMEDIATOR_TICKETS=none; with opscenter a ticket fails the run as an AWS failure, as any 5xx would
    // (sandbox: the OpsCenter tests of Remediator.Sandbox.Tests and EndToEndTicketTests).
    [Fact]
    public async Task Replay_TicketWithOpsCenter_MotoHasNoOpsItemsSoTheRunFails()
    {
        var seeded = await _world.RunAsync(
        [
            .. MotoWorld.Function("items"), .. MotoWorld.HttpApi("items-access"),
            .. MotoWorld.Route("GET /items", MotoWorld.FunctionArn("items"), "route", credentialsArn: $"arn:aws:iam::{MotoWorld.Account}:role/api-invoker"),
            Step("ssm", "describe_ops_items", new JsonObject { ["OpsItemFilters"] = new JsonArray() }, save: "opsitems", expectError: true),
        ]);
        string apiId = seeded.GetProperty("api").GetProperty("ApiId").GetString()!;
        string payload = MotoWorld.AccessLogPayload("items-access", apiId, "GET /items", "GET", "/items", "integrationErrorMessage",
            "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.");

        var (exitCode, _, error) = _world.Replay(payload, "enforce", _world.Environment(tickets: "opscenter"));

        Assert.Equal(500, seeded.GetProperty("opsitems").GetProperty("Status").GetInt32());
        Assert.Equal(ExitCodes.AwsFailure, exitCode);
        Assert.Contains("ssm", error, StringComparison.OrdinalIgnoreCase);
    }

    private static JsonObject Permission(string function, string sid, string save, bool expectError = false) =>
        Step("lambda", "add_permission", new JsonObject
        {
            ["FunctionName"] = function, ["StatementId"] = sid, ["Action"] = Grant, ["Principal"] = "apigateway.amazonaws.com",
        }, save: save, expectError: expectError);
}
