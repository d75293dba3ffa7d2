using Remediator.Aws.Credentials;

namespace Remediator.Emulation.Credentials;

/// <summary>Fixed credentials (tests, the sandbox).</summary>
public sealed class StaticCredentialsProvider(AwsCredentials credentials) : IAwsCredentialsProvider
{
    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
