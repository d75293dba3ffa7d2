namespace Remediator.Lambda.Runtime;

/// <summary>Time left in one invocation. Work stops a safety margin before Lambda's deadline, so the
/// runtime can still report the failure and Lambda retries the event instead of timing it out.</summary>
public sealed class DeadlineBudget
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    private readonly TimeProvider _clock;

    /// <summary>Creates a budget.</summary>
    public DeadlineBudget(DateTimeOffset deadline, TimeSpan safetyMargin, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(safetyMargin, TimeSpan.Zero);
        Deadline = deadline;
        SafetyMargin = safetyMargin;
        _clock = clock;
    }

    /// <summary>When Lambda stops the invocation.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>How long before the deadline work stops.</summary>
    public TimeSpan SafetyMargin { get; }

    /// <summary>When work stops.</summary>
    public DateTimeOffset StopAt => Deadline - SafetyMargin;

    /// <summary>
    /// When the runtime reports the failure whether or not the handler has returned: the last quarter of the
    /// margin is for posting the error. Between <see cref="StopAt"/> and this, the handler records what it did.
    /// </summary>
    public DateTimeOffset ReportBy => Deadline - (SafetyMargin / 4);

    /// <summary>Time left until <see cref="StopAt"/>, never negative.</summary>
    public TimeSpan Remaining => Until(StopAt);

    /// <summary>True when work expected to take <paramref name="expectedDuration"/> (e.g. one AWS call
    /// with its retries) still fits: ask before starting it, not after.</summary>
    public bool HasTimeFor(TimeSpan expectedDuration) => Remaining > expectedDuration;

    /// <summary>A source that cancels at <see cref="StopAt"/> on this budget's clock.</summary>
    public CancellationTokenSource CreateCancellationSource() => CancelAt(StopAt);

    /// <summary>A source that cancels at <see cref="ReportBy"/> on this budget's clock.</summary>
    public CancellationTokenSource CreateReportCancellationSource() => CancelAt(ReportBy);

    private TimeSpan Until(DateTimeOffset at)
    {
        TimeSpan left = at - _clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private CancellationTokenSource CancelAt(DateTimeOffset at)
    {
        TimeSpan remaining = Until(at);
        var source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _clock);
        if (remaining == TimeSpan.Zero)
        {
            source.Cancel();
        }
        else
        {
            // Lambda deadlines are at most 15 minutes away; the clamp only keeps a bogus header within
            // the range CancelAfter accepts.
            source.CancelAfter(remaining < MaxDelay ? remaining : MaxDelay);
        }

        return source;
    }
}
