using System.Text.Json;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Lambda.Tests.Handling;

/// <summary>
/// The handler takes EventBridge events as the Runtime API hands them (bytes, the same entry point as subscription
/// payloads): the sweep's schedule fixes the seeded outage and sends one digest; an event it cannot read fails the
/// invocation so the payload reaches the dead-letter queue. Over real HTTP against the sandbox.
/// </summary>
public sealed class RemediationHandlerEventBridgeTests : IAsyncLifetime
{
    private readonly RecordingLogSink _log = new();
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task HandleAsync_ScheduledEvent_FixesTheOutageAndSendsOneDigest()
    {
        (string apiId, _) = await _world.SeedOutageAsync();
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);

        InvocationSummary summary = RemediationHandler.ParseResponse((await handler.HandleAsync(HandlerHarness.Invocation(Schedule()), CancellationToken.None)).Span);

        Assert.Equal(1, summary.Counts["Fixed"]);
        Assert.Single(_world.PolicyStatements(SandboxWorld.FunctionName));
        Assert.Equal(200, (await _world.CallAsync(apiId, "/pets/42")).Status);
        JsonElement digest = Assert.Single(_world.SnsMessages());
        Assert.StartsWith("Remediator sweep:", digest.GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_EventBridgeEventOfAnotherSource_FailsTheInvocationWithATypedRefusal()
    {
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);
        string other = Schedule().Replace("\"aws.events\"", "\"aws.ec2\"", StringComparison.Ordinal);

        InvalidPayloadException refused = await Assert.ThrowsAsync<InvalidPayloadException>(() => handler.HandleAsync(HandlerHarness.Invocation(other), CancellationToken.None));

        Assert.Contains("aws.ec2", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_world.SnsMessages());
    }

    private static string Schedule() =>
        $"{{\"version\":\"0\",\"id\":\"{Guid.NewGuid()}\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"{SandboxWorld.Account}\","
        + $"\"time\":\"2026-12-03T18:00:00Z\",\"region\":\"{SandboxWorld.Region}\",\"resources\":[\"arn:aws:events:{SandboxWorld.Region}:{SandboxWorld.Account}:rule/remediator-sweep\"],\"detail\":{{}}}}";
}
