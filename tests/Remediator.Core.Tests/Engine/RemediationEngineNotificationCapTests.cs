using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Intake;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>
/// The hourly notification cap (<c>REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR</c>): past it, outcomes are still recorded,
/// logged and metered, and one summary per hour says how many notifications were held back.
/// </summary>
public class RemediationEngineNotificationCapTests
{
    private static readonly string[] Paths = ["/a", "/b", "/c", "/d", "/e"];

    [Fact]
    public async Task ProcessAsync_MoreRootCausesThanTheCap_PublishesTheCapThenOneSummary()
    {
        EngineWorld world = FiveFunctionsWorld(cap: 2);

        EngineResult result = await world.RunAsync(FiveFailures("r"));

        Assert.Equal(3, world.Sns.Published.Count);
        Assert.All(world.Sns.Published.Take(2), m => Assert.StartsWith("Remediator recommends:", m.Subject, StringComparison.Ordinal));
        SnsMessage summary = world.Sns.Published[2];
        Assert.Equal("Remediator: notification cap reached, 3 suppressed so far this hour", summary.Subject);
        Assert.Equal(NotificationAttributes.SummaryOutcome, summary.Attributes![NotificationAttributes.Outcome]);
        Assert.Equal([true, true, false, false, false], result.Outcomes.Select(o => o.Notified));
        Assert.Equal([false, false, true, true, true], result.Outcomes.Select(o => o.NotificationSuppressed));
        Assert.All(result.Outcomes, o => Assert.Equal(RemediationOutcome.Recommended, o.Outcome));

        // Still recorded (never told, so the next sighting after the cap resets tells), logged and metered.
        IReadOnlyList<LedgerRecord> records = await world.Ledger.ListAsync(CancellationToken.None).ToListAsync();
        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.Equal(RemediationState.Recommended, r.Outcome.State));
        Assert.Equal(3, records.Count(r => r.Outcome.LastNotifiedAt is null));
        Assert.Equal(3, world.Sink.Lines.Count(line => line.Contains("notification suppressed", StringComparison.Ordinal)));
        Assert.Equal(3, world.Sink.Lines.Where(IsMetricDocument).Sum(line => Metric(line, "NotificationsSuppressed")));
    }

    [Fact]
    public async Task ProcessAsync_CapReachedByAnEarlierInvocation_SuppressesWithoutASecondSummary()
    {
        EngineWorld world = FiveFunctionsWorld(cap: 2);
        await world.RunAsync(FiveFailures("r"), "invocation-1");
        world.Rest.AddMethod(RestApiId, "/f", "GET", Proxy(Function("f-handler")));
        world.Lambda.AddFunction(Function("f-handler"));

        EngineResult result = await world.RunAsync(Batch(ExecutionGroup(RestApiId), RestFailure("s1", "GET", "/f", null)), "invocation-2");

        Assert.Equal(3, world.Sns.Published.Count);
        Assert.True(Assert.Single(result.Outcomes).NotificationSuppressed);
    }

    [Fact]
    public async Task ProcessAsync_NextHour_TellsWhatTheCapHeldBack()
    {
        EngineWorld world = FiveFunctionsWorld(cap: 2);
        await world.RunAsync(FiveFailures("r"), "invocation-1");
        world.Time.Advance(TimeSpan.FromHours(1));

        EngineResult result = await world.RunAsync(FiveFailures("s"), "invocation-2");

        // The three held back are due (nobody was told), the two told are not (the interval); the cap is 2 again.
        Assert.Equal([false, false, true, true, false], result.Outcomes.Select(o => o.Notified));
        Assert.Equal(6, world.Sns.Published.Count);
        Assert.Equal("Remediator: notification cap reached, 1 suppressed so far this hour", world.Sns.Published[^1].Subject);
    }

    [Fact]
    public async Task ProcessAsync_WithinTheCap_SendsNoSummary()
    {
        EngineWorld world = FiveFunctionsWorld(cap: 5);

        EngineResult result = await world.RunAsync(FiveFailures("r"));

        Assert.Equal(5, world.Sns.Published.Count);
        Assert.All(result.Outcomes, o => Assert.False(o.NotificationSuppressed));
    }

    // Five methods, each on its own function: five root causes, each a recommendation (recommend mode).
    private static EngineWorld FiveFunctionsWorld(int cap)
    {
        var world = new EngineWorld();
        world.Settings = world.Settings with { Mode = RemediatorMode.Recommend, MaxNotificationsPerHour = cap };
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage);
        foreach (string path in Paths)
        {
            string function = Function(path.TrimStart('/') + "-handler");
            world.Lambda.AddFunction(function);
            world.Rest.AddMethod(RestApiId, path, "GET", Proxy(function));
        }

        return world;
    }

    private static LogBatch FiveFailures(string prefix) =>
        Batch(ExecutionGroup(RestApiId), Paths.SelectMany((path, i) => RestFailure($"{prefix}{i}", "GET", path, null)));

    private static bool IsMetricDocument(string line) => line.Contains("\"_aws\"", StringComparison.Ordinal);

    private static int Metric(string line, string name)
    {
        using JsonDocument document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty(name).GetInt32();
    }
}
