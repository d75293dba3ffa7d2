using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

public class RemediationEngineTests
{
    private const string Request = "7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f";

    [Fact]
    public async Task ProcessAsync_RestMissingPermission_AddsLeastPrivilegeStatementAndNotifiesOnce()
    {
        var world = new EngineWorld().WithPetsApi();

        EngineResult result = await world.RunAsync(RestBatch(RestFailure(Request, "GET", "/pets/42", Pets)));

        EngineOutcome outcome = Assert.Single(result.Outcomes);
        Assert.Equal(RemediationOutcome.Fixed, outcome.Outcome);
        Assert.Equal(OutcomeReason.PermissionMissing, outcome.Reason);
        Assert.Equal($"arn:aws:execute-api:us-east-1:{Account}:{RestApiId}/prod/GET/pets/*", outcome.SourceArn);
        Assert.Equal($"arn:aws:execute-api:us-east-1:{Account}:{RestApiId}/prod/GET/pets/42", outcome.RequestSourceArn);
        string statement = Assert.Single(world.Lambda.Statements(Pets));
        Assert.Equal(statement, outcome.StatementJson);
        using (JsonDocument json = JsonDocument.Parse(statement))
        {
            Assert.Equal(outcome.StatementId, json.RootElement.GetProperty("Sid").GetString());
            Assert.Equal("apigateway.amazonaws.com", json.RootElement.GetProperty("Principal").GetProperty("Service").GetString());
            Assert.Equal(Account, json.RootElement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("AWS:SourceAccount").GetString());
        }

        SnsMessage message = Assert.Single(world.Sns.Published);
        Assert.Equal("Fixed", message.Attributes![NotificationAttributes.Outcome]);
        Assert.Contains(outcome.RemovePermissionCommand!, message.Message, StringComparison.Ordinal);
        Assert.True(outcome.Notified);
    }

    [Fact]
    public async Task ProcessAsync_SecondBatchAfterFix_IsAlreadyAllowedWithoutWriteOrNotification()
    {
        var world = new EngineWorld().WithPetsApi();
        await world.RunAsync(RestBatch(RestFailure(Request, "GET", "/pets/42", Pets)));

        EngineResult again = await world.RunAsync(RestBatch(RestFailure("b2", "GET", "/pets/42", Pets)), "invocation-2");

        Assert.Equal(RemediationOutcome.AlreadyAllowed, Assert.Single(again.Outcomes).Outcome);
        Assert.Equal(1, world.Lambda.Count("AddPermission"));
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_ErrorLevelLogs_FetchesContextLinesAndFixesTheResolvedMethod()
    {
        var world = new EngineWorld().WithPetsApi();
        string[] full = RestFailure(Request, "GET", "/pets/42", Pets);
        for (int i = 0; i < full.Length; i++)
        {
            world.Logs.Add(ExecutionGroup(RestApiId), LogStream, Start + i, full[i]);
        }

        EngineResult result = await world.RunAsync(RestBatch(ErrorOnly(Request)));

        EngineOutcome outcome = Assert.Single(result.Outcomes);
        Assert.Equal(RemediationOutcome.Fixed, outcome.Outcome);
        Assert.Equal("/pets/{id}", outcome.ResourcePath);
        LogEventQuery query = Assert.Single(world.Logs.Queries);
        Assert.Equal($"\"{Request}\"", query.FilterPattern);
        Assert.Equal([LogStream], query.LogStreamNames);
    }

    [Fact]
    public async Task ProcessAsync_AuthorizerRefusedWithItsInfoLines_ReadsNoContextBackAndGrantsTheAuthorizer()
    {
        // API Gateway logs no method or path for a request its authorizer refused: reading the stream back cannot add one.
        var world = new EngineWorld().WithPetsApi();
        string auth = Function("token-authorizer");
        world.Lambda.AddFunction(auth);
        world.Rest.AddAuthorizer(RestApiId, "az1", InvokeUri(auth)).AddMethod(RestApiId, "/secure", "GET", Proxy(Pets), authorizerId: "az1");

        EngineResult result = await world.RunAsync(RestBatch(
            $"({Request}) Starting authorizer: az1 for request: {Request}",
            $"({Request}) Endpoint request URI: https://lambda.{Region}.amazonaws.com/2015-03-31/functions/{auth}/invocations",
            $"({Request}) Execution failed due to configuration error: Invalid permissions on Lambda function",
            $"({Request}) Execution failed due to configuration error: Authorizer error"));

        EngineOutcome outcome = Assert.Single(result.Outcomes);
        Assert.Equal((RemediationOutcome.Fixed, auth, "az1"), (outcome.Outcome, outcome.FunctionArn, outcome.AuthorizerId));
        Assert.Empty(world.Logs.Queries);
        Assert.Equal(1, world.Rest.Count("GetAuthorizers"));
    }

    [Fact]
    public async Task ProcessAsync_ErrorLevelWithoutContext_SweepsTheStageAndFixesTheOnlyUnallowedIntegration()
    {
        var world = new EngineWorld().WithPetsApi();
        string other = Function("other");
        world.Lambda.AddFunction(other);
        world.Rest.AddMethod(RestApiId, "/other", "POST", Proxy(other));
        await world.RunAsync(RestBatch(RestFailure("first", "POST", "/other", other)));

        EngineResult result = await world.RunAsync(RestBatch(ErrorOnly(Request)), "invocation-2");

        EngineOutcome outcome = Assert.Single(result.Outcomes);
        Assert.Equal(RemediationOutcome.Fixed, outcome.Outcome);
        Assert.Equal(Pets, outcome.FunctionArn);
        Assert.Contains(outcome.Verified, line => line.Contains("every Lambda integration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_SweepWithTwoUnallowedIntegrations_TicketsWithoutWriting()
    {
        var world = new EngineWorld().WithPetsApi();
        string other = Function("other");
        world.Lambda.AddFunction(other);
        world.Rest.AddMethod(RestApiId, "/other", "POST", Proxy(other));

        EngineResult result = await world.RunAsync(RestBatch(ErrorOnly(Request)));

        EngineOutcome outcome = Assert.Single(result.Outcomes);
        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Unresolvable), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_TenThousandCopiesOfOneFailure_CostTheSameCallsAsOne()
    {
        var one = new EngineWorld().WithPetsApi();
        var many = new EngineWorld().WithPetsApi();
        string[] failure = RestFailure(Request, "GET", "/pets/42", Pets);

        await one.RunAsync(RestBatch(failure));
        await many.RunAsync(RestBatch(Enumerable.Repeat(failure, 10_000).SelectMany(lines => lines).ToArray()));

        Assert.Equal(one.Lambda.Calls, many.Lambda.Calls);
        Assert.Equal(one.Rest.Calls, many.Rest.Calls);
        Assert.Single(many.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_EveryEvent_IsAccountedFor()
    {
        var world = new EngineWorld().WithPetsApi();
        string[] lines = [.. RestFailure(Request, "GET", "/pets/42", Pets), "(healthy-1) Method completed with status: 200", "no prefix at all"];

        EngineResult result = await world.RunAsync(RestBatch(lines));

        Assert.Equal(lines.Length, result.EventsRead);
        Assert.Equal(result.EventsRead, result.Dispositions.Total);
        Assert.Equal(result.Dispositions.Evidence, result.Outcomes.Sum(o => o.Finding!.Evidence.Count));
    }

    [Fact]
    public async Task ProcessAsync_InvalidPayload_YieldsOneOutcomeSayingWhy()
    {
        var world = new EngineWorld();

        EngineResult result = await world.Engine().ProcessAsync("{\"awslogs\":{\"data\":\"not base64!\"}}", "invocation-1", CancellationToken.None);

        EngineOutcome outcome = Assert.Single(result.Outcomes);
        Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.InvalidPayload), (outcome.Outcome, outcome.Reason));
        Assert.NotNull(result.IntakeError);
        Assert.Contains("InvalidBase64", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_EncodedPayload_IsDecodedAndProcessed()
    {
        var world = new EngineWorld().WithPetsApi();
        string payload = Remediator.Emulation.Intake.SubscriptionPayloadEncoder.EncodePayload(RestBatch(RestFailure(Request, "GET", "/pets/42", Pets)));

        EngineResult result = await world.Engine().ProcessAsync(System.Text.Encoding.UTF8.GetBytes(payload), "invocation-1", CancellationToken.None);

        Assert.Equal(RemediationOutcome.Fixed, Assert.Single(result.Outcomes).Outcome);
    }

    [Fact]
    public async Task ProcessAsync_WritesOneLogLinePerOutcomeAndMetrics()
    {
        var world = new EngineWorld().WithPetsApi();

        await world.RunAsync(RestBatch(RestFailure(Request, "GET", "/pets/42", Pets)));

        Assert.Single(world.Sink.Lines, line => line.Contains("\"outcome\":\"fixed\"", StringComparison.Ordinal));
        Assert.Contains(world.Sink.Lines, line => line.Contains("\"CloudWatchMetrics\"", StringComparison.Ordinal));
    }
}
