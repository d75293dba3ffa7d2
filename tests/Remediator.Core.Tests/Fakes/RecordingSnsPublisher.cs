using System.Collections.Concurrent;
using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Fakes;

/// <summary>Keeps every published message; fails the next publishes when told to.</summary>
public sealed class RecordingSnsPublisher : ISnsPublisher
{
    private readonly ConcurrentQueue<SnsMessage> published = new();
    private int failuresLeft;
    private int lostAnswersLeft;

    public IReadOnlyList<SnsMessage> Published => published.ToArray();

    public void FailNext(int times = 1) => failuresLeft = times;

    /// <summary>The next publishes are delivered, and their answers lost (the client sees no answer).</summary>
    public void LoseNextAnswer(int times = 1) => lostAnswersLeft = times;

    /// <summary>Runs after a publish was delivered and before its answer (a test kills the pass here).</summary>
    public Action<SnsMessage>? AfterPublish { get; set; }

    public Task<string> PublishAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw new AwsServiceException("sns", "Publish", "InternalError", 500, "try again", "req-sns");
        }

        published.Enqueue(message);
        AfterPublish?.Invoke(message);
        if (Interlocked.Decrement(ref lostAnswersLeft) >= 0)
        {
            throw new PublishOutcomeUnknownException("SNS Publish was sent and not answered (test).");
        }

        return Task.FromResult($"msg-{published.Count}");
    }
}
