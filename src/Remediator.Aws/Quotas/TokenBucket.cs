namespace Remediator.Aws.Quotas;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>: at most <c>capacity</c> permits banked, one more every
/// <c>interval</c>; callers that find it empty reserve the next permits in arrival order and wait for them.
/// </summary>
/// <remarks>
/// Not System.Threading.RateLimiting's TokenBucketRateLimiter: that one replenishes from Stopwatch ticks and its own
/// Timer, so a FakeTimeProvider cannot drive it and tests would have to wait in real time.
/// </remarks>
public sealed class TokenBucket
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly long intervalTicks;
    private readonly int capacity;

    // Negative when callers have reserved permits that are still to come.
    private double tokens;
    private long refilledAt;

    /// <summary>Creates a full bucket.</summary>
    public TokenBucket(int capacity, TimeSpan interval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        this.capacity = capacity;
        this.time = time;
        intervalTicks = interval.Ticks;
        tokens = capacity;
        refilledAt = time.GetUtcNow().UtcTicks;
    }

    /// <summary>Permits banked at most (the burst).</summary>
    public int Capacity => capacity;

    /// <summary>Time between two permits (the sustained rate's inverse).</summary>
    public TimeSpan Interval => TimeSpan.FromTicks(intervalTicks);

    /// <summary>Takes one permit, waiting on the bucket's clock until it is due; a cancelled wait gives its reservation back.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan wait;
        lock (gate)
        {
            Refill();
            tokens -= 1;
            if (tokens >= 0)
            {
                return;
            }

            wait = TimeSpan.FromTicks((long)Math.Ceiling(-tokens * intervalTicks));
        }

        try
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (gate)
            {
                tokens += 1;
            }

            throw;
        }
    }

    /// <summary>Takes one permit if one is banked now, without waiting (what a server enforcing the quota does).</summary>
    public bool TryAcquire()
    {
        lock (gate)
        {
            Refill();
            if (tokens < 1)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }

    private void Refill()
    {
        long now = time.GetUtcNow().UtcTicks;
        if (now > refilledAt)
        {
            tokens = Math.Min(capacity, tokens + ((double)(now - refilledAt) / intervalTicks));
            refilledAt = now;
        }
    }
}
