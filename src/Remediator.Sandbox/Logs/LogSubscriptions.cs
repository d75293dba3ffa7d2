using Remediator.Core.Intake;
using Remediator.Emulation.Intake;
using Remediator.Emulation.Logs;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Logs;

/// <summary>A registered receiver of log events, like a CloudWatch Logs subscription filter's destination.</summary>
internal sealed record LogSubscriber(string Name, string LogGroupNamePrefix, FilterPattern Pattern, string Target, Func<string, CancellationToken, Task> DeliverAsync);

/// <summary>
/// Delivers written log events to subscribers as CloudWatch Logs does: per log group and stream, filtered by the
/// subscription's pattern, encoded as <c>{"awslogs":{"data": base64(gzip(json))}}</c> with the shared encoder.
/// </summary>
internal sealed class LogSubscriptions(SandboxEnvironment env)
{
    /// <summary>How many delivery records the state keeps.</summary>
    public const int MaxRecordedDeliveries = 1000;

    private readonly Lock _gate = new();
    private readonly List<LogSubscriber> _subscribers = [];

    public IDisposable Add(LogSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }

        return new Removal(this, subscriber);
    }

    public IReadOnlyList<LogSubscriber> List()
    {
        lock (_gate)
        {
            return [.. _subscribers];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _subscribers.Clear();
        }
    }

    /// <summary>Drains the outbox; a failing subscriber is recorded in the state and never fails the caller's request.</summary>
    public async Task DeliverPendingAsync(CancellationToken cancellationToken)
    {
        while (env.Outbox.TryDequeue(out var written))
        {
            foreach (var subscriber in List().Where(s => written.LogGroup.StartsWith(s.LogGroupNamePrefix, StringComparison.Ordinal)))
            {
                var events = written.Events.Where(e => subscriber.Pattern.Matches(e.Message)).Select(e => new LogEvent(e.EventId, e.Timestamp, e.Message)).ToList();
                if (events.Count == 0)
                {
                    continue;
                }

                var batch = new LogBatch(SubscriptionMessageType.DataMessage, env.AccountId, written.LogGroup, written.LogStream, [subscriber.Name], events);
                string? error = null;
                try
                {
                    await subscriber.DeliverAsync(SubscriptionPayloadEncoder.EncodePayload(batch), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The subscriber is outside code (the demo runs the real handler here): record, don't fail the caller.
                    error = $"{ex.GetType().Name}: {ex.Message}";
                }

                Record(new SubscriptionDelivery(written.LogGroup, written.LogStream, events.Count, error));
            }
        }
    }

    private void Record(SubscriptionDelivery delivery)
    {
        lock (env.State.Gate)
        {
            var deliveries = env.Data.SubscriptionDeliveries;
            deliveries.Add(delivery);
            if (deliveries.Count > MaxRecordedDeliveries)
            {
                deliveries.RemoveAt(0);
            }
        }
    }

    private void Remove(LogSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
        }
    }

    private sealed class Removal(LogSubscriptions owner, LogSubscriber subscriber) : IDisposable
    {
        public void Dispose() => owner.Remove(subscriber);
    }
}
