using Remediator.Core.Policy;
using Remediator.Core.Verification;

namespace Remediator.Core.Decisions;

/// <summary>The request the policy is judged for, and the least-privilege grant that would allow it.</summary>
/// <param name="Target">The resolved target.</param>
/// <param name="RequestSourceArn">The execute-api ARN of the refused call (or of the whole method/route when the request is unknown).</param>
/// <param name="Request">The authorization request the policy is evaluated for.</param>
/// <param name="Grant">The statement Remediator would add.</param>
public sealed record GrantPlan(ResolvedTarget Target, string RequestSourceArn, AuthorizationRequest Request, PermissionGrant Grant)
{
    /// <summary>The function as invoked (with qualifier).</summary>
    public LambdaFunctionArn Function => Grant.Function;
}
