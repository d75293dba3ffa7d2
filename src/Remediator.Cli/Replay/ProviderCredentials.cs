using Amazon.Runtime;
using Remediator.Aws.Credentials;

namespace Remediator.Cli.Replay;

/// <summary>Hands the AWS layer's credentials to an AWS SDK client (the DynamoDB ledger), so both sign as the same principal.</summary>
internal sealed class ProviderCredentials(IAwsCredentialsProvider provider) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        AwsCredentials credentials = await provider.GetCredentialsAsync(CancellationToken.None).ConfigureAwait(false);
        return new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
    }
}
