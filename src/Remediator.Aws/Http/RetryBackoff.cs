namespace Remediator.Aws.Http;

/// <summary>Exponential backoff with full jitter, overridden by the server's <c>Retry-After</c>.</summary>
public static class RetryBackoff
{
    /// <summary>
    /// <c>Retry-After</c> when given (clamped to [0, MaxRetryAfter]); else a uniform random delay in
    /// [0, min(MaxDelay, BaseDelay * 2^attempt)).
    /// </summary>
    public static TimeSpan Compute(AwsRetryOptions options, int attempt, TimeSpan? retryAfter)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > options.MaxRetryAfter ? options.MaxRetryAfter : asked;
        }

        var ceilingMs = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        var jitter = Math.Clamp(options.Jitter(), 0d, 1d);
        return TimeSpan.FromMilliseconds(ceilingMs * jitter);
    }
}
