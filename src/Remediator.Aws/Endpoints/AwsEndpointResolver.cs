using Remediator.Aws.Config;

namespace Remediator.Aws.Endpoints;

/// <summary>
/// Service endpoints: the public regional host, unless configured otherwise exactly as the AWS SDKs allow
/// (<c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then the profile's
/// <c>services</c> section, then the profile's <c>endpoint_url</c>; all ignored when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> / <c>ignore_configured_endpoint_urls</c> is true).
/// </summary>
public sealed class AwsEndpointResolver(AwsEnvironment environment, string? profile = null)
{
    /// <summary>The endpoint for <paramref name="service"/> in <paramref name="region"/>.</summary>
    public Uri Resolve(AwsService service, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(region);
        return Configured(service) is { } configured ? Parse(configured) : Default(service, region);
    }

    /// <summary>
    /// <c>https://{prefix}.{region}.amazonaws.com</c>, or <c>.amazonaws.com.cn</c> for China regions; a global service's
    /// partition endpoint (<c>https://iam.amazonaws.com</c>, <c>https://iam.cn-north-1.amazonaws.com.cn</c>,
    /// <c>https://iam.us-gov.amazonaws.com</c>).
    /// </summary>
    public static Uri Default(AwsService service, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        var china = region.StartsWith("cn-", StringComparison.Ordinal);
        var suffix = china ? "amazonaws.com.cn" : "amazonaws.com";
        if (service.Global)
        {
            return china ? new Uri($"https://{service.EndpointPrefix}.cn-north-1.{suffix}")
                : region.StartsWith("us-gov-", StringComparison.Ordinal) ? new Uri($"https://{service.EndpointPrefix}.us-gov.{suffix}")
                : new Uri($"https://{service.EndpointPrefix}.{suffix}");
        }

        return new Uri($"https://{service.EndpointPrefix}.{region}.{suffix}");
    }

    private string? Configured(AwsService service)
    {
        var activeProfile = profile ?? environment.Profile;
        var config = environment.ConfigFile;
        var ignore = environment.Variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            ?? config.ProfileValue(activeProfile, "ignore_configured_endpoint_urls");
        if (string.Equals(ignore, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var servicesSection = config.ProfileValue(activeProfile, "services");
        return environment.Variable("AWS_ENDPOINT_URL_" + service.EnvironmentSuffix)
            ?? environment.Variable("AWS_ENDPOINT_URL")
            ?? (servicesSection is null ? null : config.ServicesValue(servicesSection, service.ConfigKey + ".endpoint_url"))
            ?? config.ProfileValue(activeProfile, "endpoint_url");
    }

    private static Uri Parse(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"Configured AWS endpoint URL '{value}' is not an absolute http(s) URL.");
}
