using Remediator.Core.Intake;
using Remediator.Core.Ports;
using Remediator.Emulation.Intake;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Tests.TestSupport;
using Remediator.Sandbox.Faults;

namespace Remediator.Lambda.Tests.Handling;

/// <summary>
/// An ERROR-level batch carries only the failure line, so the engine reads the request's context back with
/// FilterLogEvents: a throttled read fails the invocation (Lambda retries it), a refused one falls back to the
/// stage sweep. Over real HTTP against the sandbox's CloudWatch Logs, with its own error shapes.
/// </summary>
public sealed class RemediationHandlerContextReadTests : IAsyncLifetime
{
    private readonly RecordingLogSink _log = new();
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task HandleAsync_ContextReadThrottled_FailsTheInvocationAndItsRetryFixes()
    {
        (string apiId, string payload) = await ErrorLevelOutageAsync();
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);
        _world.Sandbox.Faults.Add(new FaultRule("logs", "FilterLogEvents", FaultKind.Throttle, Count: 100));
        var invocation = HandlerHarness.Invocation(payload);

        // CloudWatch Logs throttles with HTTP 400, not 429: still transient, so no ticket is made of it.
        AwsServiceException failure = await Assert.ThrowsAsync<AwsServiceException>(() => handler.HandleAsync(invocation, CancellationToken.None));
        Assert.Equal(("ThrottlingException", 400), (failure.ErrorCode, failure.StatusCode));
        Assert.Equal(4, RequestCount("logs:FilterLogEvents"));
        Assert.Empty(_world.PolicyStatements(SandboxWorld.FunctionName));
        Assert.Empty(_world.SnsMessages());

        _world.Sandbox.Faults.Clear();
        InvocationSummary retried = RemediationHandler.ParseResponse((await handler.HandleAsync(invocation, CancellationToken.None)).Span);
        Assert.Equal(1, retried.Counts["Fixed"]);
        Assert.Single(_world.PolicyStatements(SandboxWorld.FunctionName));
        Assert.Equal(200, (await _world.CallAsync(apiId, "/pets/42")).Status);
    }

    [Fact]
    public async Task HandleAsync_ContextReadDenied_FallsBackToTheStageSweepAndFixes()
    {
        (string apiId, string payload) = await ErrorLevelOutageAsync();
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);
        _world.Sandbox.Faults.Add(new FaultRule("logs", "FilterLogEvents", FaultKind.AccessDenied, Count: 100));

        InvocationSummary summary = RemediationHandler.ParseResponse(
            (await handler.HandleAsync(HandlerHarness.Invocation(payload), CancellationToken.None)).Span);

        OutcomeSummary outcome = Assert.Single(summary.Outcomes);
        Assert.Equal("Fixed", outcome.Outcome);
        Assert.Contains(outcome.Verified, line => line.Contains("could not be read back", StringComparison.Ordinal));
        Assert.Equal(1, RequestCount("logs:FilterLogEvents"));
        Assert.Single(_world.PolicyStatements(SandboxWorld.FunctionName));
        Assert.Equal(200, (await _world.CallAsync(apiId, "/pets/42")).Status);
    }

    /// <summary>The seeded outage's payload as an ERROR-level stage delivers it: the failure line alone.</summary>
    private async Task<(string ApiId, string Payload)> ErrorLevelOutageAsync()
    {
        (string apiId, string payload) = await _world.SeedOutageAsync();
        IntakeResult intake = SubscriptionPayloadDecoder.Decode(payload);
        Assert.True(intake.IsSuccess);
        LogEvent[] failureLines = [.. intake.Batch.LogEvents.Where(e => e.Message.Contains("Execution failed due to configuration error", StringComparison.Ordinal))];
        Assert.Single(failureLines);
        Assert.True(failureLines.Length < intake.Batch.LogEvents.Count);
        return (apiId, SubscriptionPayloadEncoder.EncodePayload(intake.Batch with { LogEvents = failureLines }));
    }

    private int RequestCount(string call) =>
        _world.State().GetProperty("requestCounts").TryGetProperty(call, out var count) ? count.GetInt32() : 0;
}
