namespace Remediator.Core.Ports;

/// <summary>Who am I: the account and principal of the credentials in use.</summary>
public interface IStsClient
{
    /// <summary>STS GetCallerIdentity.</summary>
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken);
}

/// <summary>The caller's account, ARN and user id.</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
