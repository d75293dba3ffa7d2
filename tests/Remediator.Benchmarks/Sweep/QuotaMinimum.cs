using Remediator.Aws.Endpoints;
using Remediator.Aws.Quotas;

namespace Remediator.Benchmarks.Sweep;

/// <summary>
/// The least wall time the account quotas allow for a set of calls. Each quota is a bucket of <c>burst</c> permits
/// refilled at <c>rate</c>; starting full, <c>n</c> calls counted against it cannot end before
/// <c>max(0, n − burst) / rate</c>, and calls counted against several quotas wait for the slowest:
/// <c>T_min = max over quotas of max(0, n_q − burst_q) / rate_q</c>. The buckets and the operation → quota mapping are
/// <see cref="AwsQuotas"/>'s own (share 1: AWS's quotas as the sandbox enforces them; share 0.5: what Remediator takes).
/// </summary>
internal static class QuotaMinimum
{
    /// <summary>The quotas, in the order they are printed.</summary>
    public static readonly AccountQuota[] Quotas = [AccountQuota.ApiGateway, AccountQuota.ApiGatewayGetResources, AccountQuota.LambdaGetPolicy, AccountQuota.LambdaControlPlane];

    /// <summary>Calls per quota for request counts keyed <c>service:Operation</c> as the sandbox counts them.</summary>
    public static Dictionary<AccountQuota, long> CallsPerQuota(IReadOnlyDictionary<string, long> calls)
    {
        var quotas = new AwsQuotas(TimeProvider.System);
        var perQuota = Quotas.ToDictionary(q => q, _ => 0L);
        foreach ((string key, long count) in calls)
        {
            string[] parts = key.Split(':');
            AwsService? service = parts[0] switch
            {
                "apigateway" => AwsService.ApiGateway,
                "apigatewayv2" => AwsService.ApiGatewayV2,
                "lambda" when parts[1] != "Invoke" => AwsService.Lambda,
                _ => null,
            };
            if (service is null)
            {
                continue;
            }

            foreach (TokenBucket bucket in quotas.BucketsFor(service, parts[1]))
            {
                perQuota[Quotas.Single(q => ReferenceEquals(quotas.BucketOf(q), bucket))] += count;
            }
        }

        return perQuota;
    }

    /// <summary>The least time <paramref name="calls"/> calls of <paramref name="quota"/> take at <paramref name="share"/> of it, from a full bucket.</summary>
    public static TimeSpan Seconds(AccountQuota quota, double share, long calls)
    {
        TokenBucket bucket = quota.Bucket(share, TimeProvider.System);
        return TimeSpan.FromTicks(Math.Max(0, calls - bucket.Capacity) * bucket.Interval.Ticks);
    }

    /// <summary>The binding quota's minimum.</summary>
    public static TimeSpan Of(IReadOnlyDictionary<AccountQuota, long> perQuota, double share) =>
        perQuota.Select(p => Seconds(p.Key, share, p.Value)).Max();

    /// <summary>A quota's rate and burst at <paramref name="share"/>, for the table.</summary>
    public static string Describe(AccountQuota quota, double share)
    {
        TokenBucket bucket = quota.Bucket(share, TimeProvider.System);
        return FormattableString.Invariant($"{1 / bucket.Interval.TotalSeconds:0.##}/s, burst {bucket.Capacity}");
    }
}
