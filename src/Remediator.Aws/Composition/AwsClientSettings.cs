using Remediator.Aws.Credentials;
using Remediator.Aws.Http;
using Remediator.Aws.Quotas;

namespace Remediator.Aws.Composition;

/// <summary>What a composition root may set explicitly; everything unset comes from the environment.</summary>
public sealed record AwsClientSettings
{
    /// <summary>Region (a CLI <c>--region</c>); else AWS_REGION / AWS_DEFAULT_REGION / profile.</summary>
    public string? Region { get; init; }

    /// <summary>Shared-config profile (a CLI <c>--profile</c>); else AWS_PROFILE or <c>default</c>.</summary>
    public string? Profile { get; init; }

    /// <summary>Fixed credentials (the sandbox, tests); else Lambda's variables or the SDK chain.</summary>
    public IAwsCredentialsProvider? Credentials { get; init; }

    /// <summary>Retry and timeout settings.</summary>
    public AwsRetryOptions Retry { get; init; } = new();

    /// <summary>
    /// The account-quota buckets to pace calls with; pass one instance to every <see cref="AwsClients"/> a process
    /// builds. Unset, each <see cref="AwsClients"/> gets its own, at <see cref="AwsQuotas.DefaultShare"/> of each quota.
    /// </summary>
    public AwsQuotas? Quotas { get; init; }
}
