namespace Remediator.Aws.Credentials;

/// <summary>
/// Caches credentials from an inner provider and asks again when they come within
/// <see cref="RefreshWindow"/> of expiring, so no request is signed with credentials about to lapse.
/// Credentials without an expiration are kept for good.
/// </summary>
public sealed class RefreshingCredentialsProvider(IAwsCredentialsProvider inner, TimeProvider timeProvider) : IAwsCredentialsProvider, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private AwsCredentials? current;

    /// <summary>How long before expiry a refresh happens (five minutes, as the SDKs do).</summary>
    public static TimeSpan RefreshWindow { get; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (current is { } cached && IsFresh(cached))
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is { } again && IsFresh(again))
            {
                return again;
            }

            var fetched = await inner.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            current = fetched;
            return fetched;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    private bool IsFresh(AwsCredentials credentials) =>
        credentials.Expiration is not { } expiration || timeProvider.GetUtcNow() < expiration - RefreshWindow;
}
