namespace Remediator.Aws.Credentials;

/// <summary>One set of AWS credentials; <see cref="Expiration"/> is null for long-lived keys.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null, DateTimeOffset? Expiration = null)
{
    /// <summary>Keeps the secret out of logs and exception messages.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SessionToken = {(SessionToken is null ? "none" : "set")}, Expiration = {Expiration} }}";
}
