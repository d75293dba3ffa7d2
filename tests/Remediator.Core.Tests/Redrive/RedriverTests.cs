using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Intake;
using Remediator.Core.Ports;
using Remediator.Core.Redrive;

namespace Remediator.Core.Tests.Redrive;

/// <summary>What is deleted and what stays, with a queue that records its calls and a replay the test scripts.</summary>
public sealed class RedriverTests
{
    private const string Payload = """{"awslogs":{"data":"H4sI"}}""";

    [Fact]
    public async Task RunAsync_ReplayFails_KeepsTheMessageAndGoesOnWithTheNext()
    {
        var queue = new ListQueue(Record("req-1"), Record("req-2"));
        var redriver = new Redriver(queue, (_, requestId, _) => requestId == "req-1"
            ? throw new AwsServiceException("lambda", "AddPermission", "TooManyRequestsException", 429, "Rate exceeded", null)
            : Task.FromResult(Processed()));

        IReadOnlyList<RedriveItem> items = await redriver.RunAsync(10, dryRun: false, CancellationToken.None);

        Assert.Equal([RedriveStatus.Failed, RedriveStatus.Replayed], items.Select(i => i.Status));
        Assert.Contains("Rate exceeded", items[0].Detail, StringComparison.Ordinal);
        Assert.Equal(["m-2"], queue.Deleted);
    }

    [Fact]
    public async Task RunAsync_ReplayedUnderTheFailedInvocationsRequestId()
    {
        var seen = new List<(string Payload, string RequestId)>();
        var redriver = new Redriver(new ListQueue(Record("8ea123e4")), (payload, requestId, _) =>
        {
            seen.Add((payload, requestId));
            return Task.FromResult(Processed());
        });

        await redriver.RunAsync(10, dryRun: false, CancellationToken.None);

        Assert.Equal([(Payload, "8ea123e4")], seen);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"hello":"world"}""")]
    [InlineData("""{"requestContext":{"condition":"RetriesExhausted"},"requestPayload":{}}""")]
    [InlineData("""{"requestContext":{"requestId":"r"},"requestPayload":null}""")]
    public async Task RunAsync_NotAnOnFailureRecord_IsUnusableAndKept(string body)
    {
        var queue = new ListQueue(body);
        bool replayed = false;
        var redriver = new Redriver(queue, (_, _, _) =>
        {
            replayed = true;
            return Task.FromResult(Processed());
        });

        RedriveItem item = Assert.Single(await redriver.RunAsync(10, dryRun: false, CancellationToken.None));

        Assert.Equal(RedriveStatus.Unusable, item.Status);
        Assert.False(replayed);
        Assert.Empty(queue.Deleted);
    }

    [Fact]
    public async Task RunAsync_PayloadRefusedByTheEngine_IsUnusableAndKept()
    {
        var queue = new ListQueue(Record("req-1"));
        var redriver = new Redriver(queue, (_, _, _) => Task.FromResult(
            new EngineResult([], default, 0, new IntakeError(IntakeErrorCode.InvalidGzip, "the gzip stream is corrupt"))));

        RedriveItem item = Assert.Single(await redriver.RunAsync(10, dryRun: false, CancellationToken.None));

        Assert.Equal(RedriveStatus.Unusable, item.Status);
        Assert.Empty(queue.Deleted);
    }

    [Fact]
    public async Task RunAsync_MessagesReappear_EndsInsteadOfLooping()
    {
        var queue = new ListQueue(Record("req-1")) { Redeliver = true };
        var redriver = new Redriver(queue, (_, _, _) => throw new InvalidOperationException("down"));

        IReadOnlyList<RedriveItem> items = await redriver.RunAsync(100, dryRun: false, CancellationToken.None);

        Assert.Single(items);
    }

    private static string Record(string requestId) =>
        "{\"version\":\"1.0\",\"requestContext\":{\"requestId\":\"" + requestId + "\",\"condition\":\"RetriesExhausted\",\"approximateInvokeCount\":3},"
        + "\"requestPayload\":" + Payload + ",\"responseContext\":{\"statusCode\":200,\"functionError\":\"Unhandled\"}}";

    private static EngineResult Processed() => new([], new EventDispositions(0, 0, 1, 0), 1, null);

    /// <summary>Hands out its messages once (or every time, with <see cref="Redeliver"/>) and records deletions.</summary>
    private sealed class ListQueue(params string[] bodies) : IDeadLetterQueue
    {
        private readonly List<DeadLetter> messages = [.. bodies.Select((body, i) => new DeadLetter($"m-{i + 1}", $"h-{i + 1}", body))];
        private bool handedOut;

        public bool Redeliver { get; init; }

        public List<string> Deleted { get; } = [];

        public Task<IReadOnlyList<DeadLetter>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
        {
            IReadOnlyList<DeadLetter> batch = handedOut && !Redeliver ? [] : [.. messages.Take(maxMessages)];
            handedOut = true;
            return Task.FromResult(batch);
        }

        public Task DeleteAsync(DeadLetter message, CancellationToken cancellationToken)
        {
            Deleted.Add(message.MessageId);
            messages.Remove(message);
            return Task.CompletedTask;
        }
    }
}
