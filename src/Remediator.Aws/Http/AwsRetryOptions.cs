namespace Remediator.Aws.Http;

/// <summary>Retry and timeout settings of the HTTP core.</summary>
public sealed record AwsRetryOptions
{
    /// <summary>Attempts in total, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Time limit of one attempt (connect, send, read the whole answer).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First backoff ceiling; doubles each retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Largest backoff ceiling.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest <c>Retry-After</c> honoured; longer asks are cut to this (a Lambda has minutes, not hours).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest response body read (bytes); a longer one fails the attempt.</summary>
    public int MaxResponseBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Random source in [0, 1) for full jitter; injected so tests are deterministic.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>
    /// Delay before retry number <c>attempt</c> (0-based) given the server's <c>Retry-After</c>; defaults to
    /// <see cref="RetryBackoff.Compute"/>. Tests inject a zero delay that records its inputs.
    /// </summary>
    public Func<int, TimeSpan?, TimeSpan>? Backoff { get; init; }

    /// <summary>The effective backoff function.</summary>
    internal Func<int, TimeSpan?, TimeSpan> EffectiveBackoff => Backoff ?? ((attempt, retryAfter) => RetryBackoff.Compute(this, attempt, retryAfter));
}
