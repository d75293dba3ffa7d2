using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Core.Intake;
using Remediator.Core.Ports;
using Remediator.Emulation.Intake;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Tests.TestSupport;
using Remediator.Sandbox.Faults;

namespace Remediator.Lambda.Tests.Handling;

/// <summary>The Lambda's handler in-process against the sandbox: real wire clients, real engine.</summary>
public sealed class RemediationHandlerTests : IAsyncLifetime
{
    private readonly RecordingLogSink _log = new();
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task HandleAsync_DeliveredMissingPermissionPayload_AddsPermissionNotifiesAndLogs()
    {
        (string apiId, string payload) = await _world.SeedOutageAsync();
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);

        ReadOnlyMemory<byte> response = await handler.HandleAsync(HandlerHarness.Invocation(payload), CancellationToken.None);

        InvocationSummary summary = RemediationHandler.ParseResponse(response.Span);
        Assert.Equal("enforce", summary.Mode);
        Assert.Equal(1, summary.Counts["Fixed"]);
        OutcomeSummary fixedOutcome = Assert.Single(summary.Outcomes);
        Assert.Equal("MissingInvokePermission", fixedOutcome.Kind);
        Assert.Equal(apiId, fixedOutcome.ApiId);
        Assert.Equal(SandboxWorld.FunctionArn(SandboxWorld.FunctionName), fixedOutcome.FunctionArn);
        Assert.Equal($"arn:aws:execute-api:{SandboxWorld.Region}:{SandboxWorld.Account}:{apiId}/{SandboxWorld.Stage}/GET/pets/*", fixedOutcome.SourceArn);
        Assert.NotEmpty(fixedOutcome.Verified);
        Assert.NotNull(fixedOutcome.NotificationId);

        JsonElement statement = Assert.Single(_world.PolicyStatements(SandboxWorld.FunctionName));
        Assert.Equal(fixedOutcome.StatementId, statement.GetProperty("Sid").GetString());
        Assert.Equal("apigateway.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        JsonElement message = Assert.Single(_world.SnsMessages());
        Assert.Equal(fixedOutcome.NotificationId, message.GetProperty("messageId").GetString());
        JsonElement outcomeLine = Assert.Single(LogLines.Outcomes(_log.Lines));
        Assert.Equal("fixed", outcomeLine.GetProperty("outcome").GetString());
        Assert.Equal(apiId, outcomeLine.GetProperty("apiId").GetString());
        Assert.Equal(fixedOutcome.StatementId, outcomeLine.GetProperty("statementId").GetString());
        Assert.Equal(1, LogLines.MetricTotal(_log.Lines, "Fixed"));
        Assert.Equal(200, (await _world.CallAsync(apiId, "/pets/42")).Status);
    }

    [Fact]
    public async Task HandleAsync_ControlMessage_AnswersWithoutOutcomesOrAwsCalls()
    {
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);
        string payload = SubscriptionPayloadEncoder.EncodePayload(new LogBatch(
            SubscriptionMessageType.ControlMessage, "CloudwatchLogs", "", "", [],
            [new LogEvent("", 1_432_826_855_000, "CWL CONTROL MESSAGE: Checking health of destination Lambda function.")]));

        InvocationSummary summary = RemediationHandler.ParseResponse(
            (await handler.HandleAsync(HandlerHarness.Invocation(payload), CancellationToken.None)).Span);

        Assert.Equal(1, summary.EventsRead);
        Assert.Empty(summary.Outcomes);
        Assert.Null(summary.IntakeError);
        Assert.Empty(_world.State().GetProperty("requestCounts").EnumerateObject());
    }

    [Fact]
    public async Task HandleAsync_NotASubscriptionPayload_RecordsOneOutcomeAndFailsTheInvocation()
    {
        // The invocation must fail: only then does Lambda's on-failure destination keep the original payload.
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);

        InvalidPayloadException refused = await Assert.ThrowsAsync<InvalidPayloadException>(() =>
            handler.HandleAsync(HandlerHarness.Invocation("""{"hello":"world"}"""), CancellationToken.None));

        Assert.Equal(IntakeErrorCode.MissingField, refused.Error?.Code);
        Assert.Equal("error", Assert.Single(LogLines.Outcomes(_log.Lines)).GetProperty("outcome").GetString());
        Assert.Empty(_world.State().GetProperty("requestCounts").EnumerateObject());
    }

    [Fact]
    public async Task HandleAsync_DeadlineTooClose_ThrowsBeforeTouchingAws()
    {
        (_, string payload) = await _world.SeedOutageAsync();
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);
        int callsBefore = CallCount();

        await Assert.ThrowsAsync<TimeoutException>(() =>
            handler.HandleAsync(HandlerHarness.Invocation(payload, timeLeft: TimeSpan.FromSeconds(3)), CancellationToken.None));

        Assert.Equal(callsBefore, CallCount());
        Assert.Empty(_world.PolicyStatements(SandboxWorld.FunctionName));
    }

    [Fact]
    public async Task HandleAsync_AddPermissionKeepsThrottling_FailsTheInvocationAndTheRetrySucceeds()
    {
        (string apiId, string payload) = await _world.SeedOutageAsync();
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);
        _world.Sandbox.Faults.Add(new FaultRule("lambda", "AddPermission", FaultKind.Throttle, Count: 100));
        var invocation = HandlerHarness.Invocation(payload);

        AwsServiceException failure = await Assert.ThrowsAsync<AwsServiceException>(() => handler.HandleAsync(invocation, CancellationToken.None));
        Assert.Equal(429, failure.StatusCode);
        Assert.Empty(_world.PolicyStatements(SandboxWorld.FunctionName));

        _world.Sandbox.Faults.Clear();
        InvocationSummary retried = RemediationHandler.ParseResponse((await handler.HandleAsync(invocation, CancellationToken.None)).Span);
        Assert.Equal(1, retried.Counts["Fixed"]);
        Assert.Single(_world.PolicyStatements(SandboxWorld.FunctionName));
        Assert.Equal(200, (await _world.CallAsync(apiId, "/pets/42")).Status);
    }

    [Fact]
    public async Task HandleAsync_InvokedArnWithoutAccount_LearnsTheAccountFromSts()
    {
        (_, string payload) = await _world.SeedOutageAsync();
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);

        InvocationSummary summary = RemediationHandler.ParseResponse(
            (await handler.HandleAsync(HandlerHarness.Invocation(payload, functionArn: "remediator"), CancellationToken.None)).Span);

        Assert.Equal(1, summary.Counts["Fixed"]);
        Assert.Equal(1, _world.State().GetProperty("requestCounts").GetProperty("sts:GetCallerIdentity").GetInt32());
    }

    [Fact]
    public async Task HandleAsync_LedgerTableSet_ClaimsThroughDynamoDbAtItsEndpointWithTheSameCredentials()
    {
        (_, string payload) = await _world.SeedOutageAsync();
        await using RecordingHttpServer dynamo = await RecordingHttpServer.StartAsync(
            400, "application/x-amz-json-1.0",
            """{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}""");
        Dictionary<string, string> variables = HandlerHarness.Variables(_world);
        variables[RemediatorVariables.LedgerTable] = "remediator-ledger";
        variables["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url;
        await using RemediationHandler handler = HandlerHarness.Create(variables, _log);

        await Assert.ThrowsAnyAsync<Amazon.DynamoDBv2.AmazonDynamoDBException>(
            () => handler.HandleAsync(HandlerHarness.Invocation(payload), CancellationToken.None));

        IReadOnlyDictionary<string, string> request = dynamo.Requests[0];
        Assert.StartsWith("DynamoDB_20120810.", request["X-Amz-Target"], StringComparison.Ordinal);
        Assert.Contains($"Credential=test/", request["Authorization"], StringComparison.Ordinal);
        Assert.Contains($"/{SandboxWorld.Region}/dynamodb/aws4_request", request["Authorization"], StringComparison.Ordinal);
        Assert.Empty(_world.PolicyStatements(SandboxWorld.FunctionName));
    }

    private int CallCount() =>
        _world.State().GetProperty("requestCounts").EnumerateObject().Sum(count => count.Value.GetInt32());
}
