namespace Remediator.Aws.Config;

/// <summary>Finds the region the way the AWS SDKs do, minus instance metadata.</summary>
public static class AwsRegionResolver
{
    /// <summary>
    /// <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then <c>region</c> of the active profile in the shared
    /// config file; null when none is set (the caller must fail with a message, not guess).
    /// </summary>
    public static string? Resolve(AwsEnvironment environment, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Variable("AWS_REGION")
            ?? environment.Variable("AWS_DEFAULT_REGION")
            ?? environment.ConfigFile.ProfileValue(profile ?? environment.Profile, "region");
    }
}
