using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Remediator.Core.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that stands still until someone waits: a timer moves the clock by its due
/// time and fires at once, so a delay "passes" without real waiting. <see cref="OnDelay"/> runs in between,
/// to act out what happens meanwhile.
/// </summary>
public sealed class SteppingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> delays = new();

    public Action<TimeSpan>? OnDelay { get; set; }

    public IReadOnlyList<TimeSpan> Delays => [.. delays];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            delays.Enqueue(dueTime);
            Advance(dueTime);
            OnDelay?.Invoke(dueTime);

            // Fired from another thread, as a real timer is: the caller may still be wiring up what the callback completes.
            ThreadPool.QueueUserWorkItem(_ => timer.Change(TimeSpan.Zero, period));
        }

        return timer;
    }
}
