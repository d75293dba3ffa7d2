namespace Remediator.Aws.Quotas;

/// <summary>An account-wide request quota of AWS (per account and region, shared with everything else in it).</summary>
/// <param name="Name">What it limits, for logs and docs.</param>
/// <param name="Requests">Requests allowed per <paramref name="Period"/>.</param>
/// <param name="Period">The quota's period.</param>
/// <param name="Burst">Requests AWS lets through at once.</param>
public sealed record AccountQuota(string Name, int Requests, TimeSpan Period, int Burst)
{
    /// <summary>API Gateway's account quota for all its control-plane calls, v1 and v2 together: 10 per second, burst 40.</summary>
    public static readonly AccountQuota ApiGateway = new("API Gateway control plane", 10, TimeSpan.FromSeconds(1), 40);

    /// <summary>API Gateway's own quota for <c>GetResources</c>: 5 every 2 seconds.</summary>
    public static readonly AccountQuota ApiGatewayGetResources = new("API Gateway GetResources", 5, TimeSpan.FromSeconds(2), 5);

    /// <summary>Lambda's quota for <c>GetPolicy</c>: 15 per second.</summary>
    public static readonly AccountQuota LambdaGetPolicy = new("Lambda GetPolicy", 15, TimeSpan.FromSeconds(1), 15);

    /// <summary>Lambda's control-plane quota (everything but invocations, GetFunction and GetPolicy; AddPermission included): 15 per second.</summary>
    public static readonly AccountQuota LambdaControlPlane = new("Lambda control plane", 15, TimeSpan.FromSeconds(1), 15);

    /// <summary>A bucket that takes <paramref name="share"/> of this quota: that share of the rate and of the burst (at least one).</summary>
    public TokenBucket Bucket(double share, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(share, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1d);
        int capacity = Math.Max(1, (int)Math.Floor(Burst * share));
        return new TokenBucket(capacity, Period / (Requests * share), time);
    }
}
