using Remediator.Aws.Endpoints;

namespace Remediator.Aws.Quotas;

/// <summary>
/// Client-side rate limits for the account quotas Remediator's calls count against, one bucket per quota, shared
/// by every client of the process that is built with this instance: by default half of each quota, so Remediator
/// never takes what the account's own deployments and consoles need (docs/ARCHITECTURE.md, "Caps").
/// </summary>
public sealed class AwsQuotas
{
    /// <summary>The share of each quota Remediator takes unless told otherwise.</summary>
    public const double DefaultShare = 0.5;

    private readonly TokenBucket apiGateway;
    private readonly TokenBucket getResources;
    private readonly TokenBucket getPolicy;
    private readonly TokenBucket lambdaControlPlane;

    /// <summary>Creates the buckets, each full, taking <paramref name="share"/> (0–1] of its quota.</summary>
    public AwsQuotas(TimeProvider time, double share = DefaultShare)
    {
        ArgumentNullException.ThrowIfNull(time);
        Share = share;
        apiGateway = AccountQuota.ApiGateway.Bucket(share, time);
        getResources = AccountQuota.ApiGatewayGetResources.Bucket(share, time);
        getPolicy = AccountQuota.LambdaGetPolicy.Bucket(share, time);
        lambdaControlPlane = AccountQuota.LambdaControlPlane.Bucket(share, time);
    }

    /// <summary>The share of each quota taken.</summary>
    public double Share { get; }

    /// <summary>The bucket that paces <paramref name="quota"/> (one of <see cref="AccountQuota"/>'s).</summary>
    public TokenBucket BucketOf(AccountQuota quota) =>
        quota == AccountQuota.ApiGateway ? apiGateway
        : quota == AccountQuota.ApiGatewayGetResources ? getResources
        : quota == AccountQuota.LambdaGetPolicy ? getPolicy
        : quota == AccountQuota.LambdaControlPlane ? lambdaControlPlane
        : throw new ArgumentOutOfRangeException(nameof(quota), quota, "Not a quota Remediator paces.");

    /// <summary>The buckets one call of <paramref name="operation"/> takes a permit from, the narrowest first.</summary>
    public IReadOnlyList<TokenBucket> BucketsFor(AwsService service, string operation)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service == AwsService.ApiGateway || service == AwsService.ApiGatewayV2)
        {
            return service == AwsService.ApiGateway && operation == "GetResources" ? [getResources, apiGateway] : [apiGateway];
        }

        if (service == AwsService.Lambda)
        {
            return operation == "GetPolicy" ? [getPolicy] : [lambdaControlPlane];
        }

        return [];
    }

    /// <summary>Waits until one call of <paramref name="operation"/> fits every quota it counts against.</summary>
    public async ValueTask AcquireAsync(AwsService service, string operation, CancellationToken cancellationToken)
    {
        foreach (TokenBucket bucket in BucketsFor(service, operation))
        {
            await bucket.AcquireAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
