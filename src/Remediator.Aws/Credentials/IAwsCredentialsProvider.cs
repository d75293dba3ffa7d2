namespace Remediator.Aws.Credentials;

/// <summary>Source of the credentials each request is signed with; called once per attempt.</summary>
public interface IAwsCredentialsProvider
{
    /// <summary>Current credentials, refreshed before they expire.</summary>
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
