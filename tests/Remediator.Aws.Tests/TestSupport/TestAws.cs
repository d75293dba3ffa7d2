using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Remediator.Aws.Credentials;
using Remediator.Aws.Http;
using Remediator.Aws.Quotas;
using Remediator.Emulation.Credentials;

namespace Remediator.Aws.Tests.TestSupport;

/// <summary>Builds an <see cref="AwsHttpClient"/> pointed at a loopback server, with no real backoff delays and a
/// clock that moves only when a test advances it (attempt timeouts included).</summary>
public sealed class TestAws
{
    public static readonly AwsCredentials Credentials = new("AKIDTEST", "secret/test+key", "session-token");
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2024-05-01T10:00:00Z", CultureInfo.InvariantCulture);

    public ConcurrentQueue<(int Attempt, TimeSpan? RetryAfter)> Backoffs { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Now);

    public AwsHttpClient Client(LoopbackServer server, int maxAttempts = 4, TimeSpan? attemptTimeout = null, AwsQuotas? quotas = null) =>
        new(
            new HttpClient(),
            new StaticCredentialsProvider(Credentials),
            "us-east-1",
            _ => server.BaseUri,
            new AwsRetryOptions
            {
                MaxAttempts = maxAttempts,
                AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
                Backoff = (attempt, retryAfter) =>
                {
                    Backoffs.Enqueue((attempt, retryAfter));
                    return TimeSpan.Zero;
                },
            },
            Clock,
            quotas);
}
