using Remediator.Aws.Config;

namespace Remediator.Aws.Credentials;

/// <summary>
/// <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>: what Lambda gives the
/// execution role. Read on every call, so a runtime that rotates them is followed.
/// </summary>
public sealed class EnvironmentCredentialsProvider(AwsEnvironment environment) : IAwsCredentialsProvider
{
    /// <summary>True when both the key id and the secret are set.</summary>
    public static bool IsAvailable(AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Variable("AWS_ACCESS_KEY_ID") is not null && environment.Variable("AWS_SECRET_ACCESS_KEY") is not null;
    }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var keyId = environment.Variable("AWS_ACCESS_KEY_ID");
        var secret = environment.Variable("AWS_SECRET_ACCESS_KEY");
        if (keyId is null || secret is null)
        {
            throw new InvalidOperationException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set.");
        }

        return ValueTask.FromResult(new AwsCredentials(keyId, secret, environment.Variable("AWS_SESSION_TOKEN")));
    }
}
