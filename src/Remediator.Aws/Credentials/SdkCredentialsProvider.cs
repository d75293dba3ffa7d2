using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Remediator.Aws.Credentials;

/// <summary>
/// The AWS SDK's credential chain (environment, shared profiles including SSO and assume-role, web identity,
/// container and instance metadata), resolved lazily so building clients never blocks or fails early.
/// The SDK's refreshing credential types renew themselves ahead of expiry; this adapter only converts.
/// </summary>
public sealed class SdkCredentialsProvider : IAwsCredentialsProvider
{
    private readonly Lazy<AWSCredentials> source;

    /// <summary>
    /// Uses the named profile when given (from <paramref name="credentialsFile"/> when given, else the usual
    /// shared files), else the SDK's default chain.
    /// </summary>
    public SdkCredentialsProvider(string? profile = null, string? credentialsFile = null) =>
        source = new Lazy<AWSCredentials>(() => Resolve(profile, credentialsFile), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Wraps credentials the caller already holds.</summary>
    public SdkCredentialsProvider(AWSCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        source = new Lazy<AWSCredentials>(credentials);
    }

    /// <inheritdoc />
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var sdk = source.Value;
        var immutable = await sdk.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset? expiration = sdk.Expiration is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
        return new AwsCredentials(immutable.AccessKey, immutable.SecretKey, immutable.UseToken ? immutable.Token : null, expiration);
    }

    private static AWSCredentials Resolve(string? profile, string? credentialsFile)
    {
        if (profile is null)
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }

        var store = credentialsFile is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(credentialsFile);
        return store.TryGetAWSCredentials(profile, out var credentials)
            ? credentials
            : throw new InvalidOperationException($"AWS profile '{profile}' was not found or has no usable credentials.");
    }
}
