using Remediator.Aws.Config;

namespace Remediator.Aws.Credentials;

/// <summary>Chooses where credentials come from.</summary>
public static class AwsCredentialsResolver
{
    /// <summary>
    /// Keys in <paramref name="environment"/> (inside Lambda, the execution role's variables) unless a
    /// <paramref name="profile"/> is named; otherwise that profile or the SDK's default chain. Environment keys
    /// win as in the SDK chain, but are read from the environment given, so an injected one (tests, the demo,
    /// the CLI against the sandbox) is authoritative. The chain sits behind a cache that refreshes ahead of
    /// expiry; environment keys are read on every call.
    /// </summary>
    public static IAwsCredentialsProvider Create(AwsEnvironment environment, TimeProvider timeProvider, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return profile is null && EnvironmentCredentialsProvider.IsAvailable(environment)
            ? new EnvironmentCredentialsProvider(environment)
            : new RefreshingCredentialsProvider(new SdkCredentialsProvider(profile), timeProvider);
    }
}
