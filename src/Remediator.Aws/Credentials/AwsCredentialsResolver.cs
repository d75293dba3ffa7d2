using Remediator.Aws.Config;

namespace Remediator.Aws.Credentials;

/// <summary>Chooses where credentials come from.</summary>
public static class AwsCredentialsResolver
{
    /// <summary>
    /// Inside Lambda, the execution role's environment variables. Elsewhere, an explicit
    /// <paramref name="profile"/> or the SDK's default chain (which itself starts with the environment).
    /// The latter sits behind a cache that refreshes ahead of expiry; Lambda's variables do not change
    /// during an execution environment's life.
    /// </summary>
    public static IAwsCredentialsProvider Create(AwsEnvironment environment, TimeProvider timeProvider, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsLambda && profile is null && EnvironmentCredentialsProvider.IsAvailable(environment)
            ? new EnvironmentCredentialsProvider(environment)
            : new RefreshingCredentialsProvider(new SdkCredentialsProvider(profile), timeProvider);
    }
}
