using Remediator.Aws.Quotas;

namespace Remediator.Sandbox.Faults;

/// <summary>
/// AWS's account request quotas as the services enforce them (<see cref="AccountQuota"/>: API Gateway's control plane,
/// its GetResources, Lambda's GetPolicy and the rest of Lambda's control plane), each a full bucket: a call above the
/// rate is answered with the service's own throttling error instead of running (<see cref="SandboxOptions.EmulateQuotas"/>).
/// </summary>
internal sealed class QuotaEmulator(TimeProvider time)
{
    private readonly TokenBucket apiGateway = AccountQuota.ApiGateway.Bucket(1, time);
    private readonly TokenBucket getResources = AccountQuota.ApiGatewayGetResources.Bucket(1, time);
    private readonly TokenBucket getPolicy = AccountQuota.LambdaGetPolicy.Bucket(1, time);
    private readonly TokenBucket lambdaControlPlane = AccountQuota.LambdaControlPlane.Bucket(1, time);

    /// <summary>Whether the quotas are enforced now (a benchmark seeds its account first, then turns them on).</summary>
    public bool Enabled { get; set; }

    /// <summary>True when the call fits every quota it counts against (and takes its permits), or the quotas are off; false when AWS would throttle it.</summary>
    public bool TryAdmit(string service, string operation)
    {
        if (!Enabled)
        {
            return true;
        }

        IReadOnlyList<TokenBucket> buckets = (service, operation) switch
        {
            ("apigateway", "GetResources") => [getResources, apiGateway],
            ("apigateway" or "apigatewayv2", _) => [apiGateway],
            ("lambda", "GetPolicy") => [getPolicy],
            ("lambda", "Invoke") => [],
            ("lambda", _) => [lambdaControlPlane],
            _ => [],
        };

        // A throttled call is refused by the first quota it exceeds; permits taken from narrower ones stay taken, as a
        // request counted by one limiter and refused by the next still counted.
        return buckets.All(bucket => bucket.TryAcquire());
    }
}
