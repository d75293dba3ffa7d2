using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Remediator.Aws.Credentials;

/// <summary>
/// Temporary credentials of a role in another account, from <c>sts:AssumeRole</c> through the official AWS SDK client,
/// signed with the operator's own credentials. Each call asks STS once; wrap it in a
/// <see cref="RefreshingCredentialsProvider"/> so the keys are reused until five minutes before they expire.
/// </summary>
public sealed class AssumedRoleCredentialsProvider : IAwsCredentialsProvider, IDisposable
{
    /// <summary>How long each set of keys is asked for: one hour, every role's default maximum.</summary>
    public const int DurationSeconds = 3600;

    private readonly AmazonSecurityTokenServiceClient client;
    private readonly string roleArn;
    private readonly string sessionName;

    /// <param name="callerCredentials">The credentials that sign AssumeRole (the operator's).</param>
    /// <param name="config">Endpoint, region and retries of the STS client (<c>RemediatorServices.StsClientConfig</c>).</param>
    /// <param name="roleArn">The role to assume.</param>
    /// <param name="sessionName">Shown in the target account's CloudTrail as the session's name.</param>
    public AssumedRoleCredentialsProvider(IAwsCredentialsProvider callerCredentials, AmazonSecurityTokenServiceConfig config, string roleArn, string sessionName)
    {
        ArgumentNullException.ThrowIfNull(callerCredentials);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(roleArn);
        ArgumentException.ThrowIfNullOrEmpty(sessionName);
        client = new AmazonSecurityTokenServiceClient(new SdkCredentialsBridge(callerCredentials), config);
        this.roleArn = roleArn;
        this.sessionName = sessionName;
    }

    /// <inheritdoc />
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        AssumeRoleResponse response = await client.AssumeRoleAsync(
            new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = sessionName, DurationSeconds = DurationSeconds },
            cancellationToken).ConfigureAwait(false);
        Amazon.SecurityToken.Model.Credentials keys = response.Credentials
            ?? throw new InvalidOperationException($"STS AssumeRole of {roleArn} answered without credentials.");
        DateTimeOffset? expiration = keys.Expiration is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
        return new AwsCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken, expiration);
    }

    /// <inheritdoc />
    public void Dispose() => client.Dispose();
}
