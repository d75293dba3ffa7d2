using Amazon.Runtime;

namespace Remediator.Aws.Credentials;

/// <summary>Lets the AWS SDK clients (the DynamoDB ledger, the CLI's SQS) sign with the same credentials as Remediator's own
/// clients, so one resolution (Lambda's role variables, a profile, the sandbox's keys) serves all.</summary>
public sealed class SdkCredentialsBridge(IAwsCredentialsProvider provider) : AWSCredentials
{
    /// <inheritdoc />
    public override ImmutableCredentials GetCredentials() =>
        GetCredentialsAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        // The SDK's AWSCredentials passes no token; the provider's own refreshes (profile, SSO, IMDS) are bounded by
        // their clients' timeouts, and inside Lambda the keys come from the environment without any I/O.
        AwsCredentials credentials = await provider.GetCredentialsAsync(CancellationToken.None).ConfigureAwait(false);
        return new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
    }
}
