using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Remediator.Core.Intake;
using Remediator.Emulation.Intake;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Lambda.Tests.Handling;

/// <summary>
/// Log text that is not Unicode is one event's problem: the real failure beside it is still fixed, over real HTTP
/// against the sandbox, and the bad events end as outcomes of their own, logged and counted.
/// </summary>
public sealed class RemediationHandlerBadTextTests : IAsyncLifetime
{
    private readonly RecordingLogSink _log = new();
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task HandleAsync_EventsThatAreNotText_EndAsTheirOwnOutcomesAndTheFailureBesideThemIsFixed()
    {
        (string apiId, string delivered) = await _world.SeedOutageAsync();
        IntakeResult intake = SubscriptionPayloadDecoder.Decode(delivered);
        Assert.True(intake.IsSuccess);
        int events = intake.Batch.LogEvents.Count;

        // Raw bytes that are not UTF-8 (0xFF, 0xFE) and an escaped unpaired surrogate, as a broken log shipper writes them.
        byte[] badEvents = [
            .. "{\"id\":\"36000000000000000000000000000000000000000000000000000001\",\"timestamp\":1763703252000,\"message\":\"(a1) raw "u8,
            0xFF, 0xFE,
            .. "\"},{\"id\":\"36000000000000000000000000000000000000000000000000000002\",\"timestamp\":1763703252001,\"message\":\"(a2) \\ud800 escaped\"},"u8,
        ];
        await using RemediationHandler handler = HandlerHarness.Create(HandlerHarness.Variables(_world), _log);

        InvocationSummary summary = RemediationHandler.ParseResponse(
            (await handler.HandleAsync(HandlerHarness.Invocation(WithEvents(intake.Batch, badEvents)), CancellationToken.None)).Span);

        Assert.Equal(events + 2, summary.EventsRead);
        Assert.Equal(1, summary.Counts["Fixed"]);
        Assert.Equal(2, summary.Counts["Ignored"]);
        OutcomeSummary[] unreadable = [.. summary.Outcomes.Where(o => o.Reason == "UndecodableEvent")];
        Assert.Equal(2, unreadable.Length);
        Assert.Contains("is not valid UTF-8", unreadable[0].Detail, StringComparison.Ordinal);
        Assert.Contains("unpaired UTF-16 surrogate", unreadable[1].Detail, StringComparison.Ordinal);

        Assert.Single(_world.PolicyStatements(SandboxWorld.FunctionName));
        Assert.Single(_world.SnsMessages());
        JsonElement[] errorLines = [.. LogLines.Outcomes(_log.Lines).Where(line => line.GetProperty("outcome").GetString() == "error")];
        Assert.Equal(2, errorLines.Length);
        Assert.All(errorLines, line => Assert.Equal("ERROR", line.GetProperty("level").GetString()));
        Assert.Equal(2, LogLines.MetricTotal(_log.Lines, "Errors"));
        Assert.Equal(1, LogLines.MetricTotal(_log.Lines, "Fixed"));
        Assert.Equal(200, (await _world.CallAsync(apiId, "/pets/42")).Status);
    }

    /// <summary>The batch's subscription payload with <paramref name="rawEvents"/> (JSON objects, each followed by a comma) first in <c>logEvents</c>.</summary>
    private static string WithEvents(LogBatch batch, byte[] rawEvents)
    {
        byte[] message = SubscriptionPayloadEncoder.EncodeMessage(batch);
        byte[] marker = Encoding.UTF8.GetBytes("\"logEvents\":[");
        int at = message.AsSpan().IndexOf(marker) + marker.Length;
        Assert.True(at > marker.Length);
        byte[] spliced = [.. message.AsSpan(0, at), .. rawEvents, .. message.AsSpan(at)];
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(spliced);
        }

        return $"{{\"awslogs\":{{\"data\":\"{Convert.ToBase64String(compressed.ToArray())}\"}}}}";
    }
}
