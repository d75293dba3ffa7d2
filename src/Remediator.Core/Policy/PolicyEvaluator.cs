namespace Remediator.Core.Policy;

/// <summary>
/// Evaluates a Lambda resource-based policy the way IAM does for one request: a statement applies when
/// its principal, action, resource and every condition match; an applying Deny wins; otherwise an
/// applying Allow allows; otherwise the request is implicitly denied.
/// </summary>
/// <remarks>
/// Per-qualifier policies fall out of resource matching: Lambda keeps a separate policy for the
/// function, each version and each alias, and their statements name that exact ARN, so a statement on
/// <c>function:f</c> does not match an invocation of <c>function:f:prod</c> and vice versa. Callers pass
/// the policy read with the same qualifier as the invoked ARN.
/// What cannot be evaluated faithfully (an unsupported condition operator such as NumericEquals or
/// IpAddress, a policy variable, a statement without Principal or Resource) fails closed: such an Allow
/// is not counted and such a Deny is, and <see cref="PolicyDecision.Uncertainties"/> says so.
/// </remarks>
public static class PolicyEvaluator
{
    /// <summary>Evaluates <paramref name="policy"/>; <c>null</c> means the function has no policy at all.</summary>
    public static PolicyDecision Evaluate(PolicyDocument? policy, AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (policy is null)
        {
            return PolicyDecision.NoPolicy;
        }

        var allows = new List<string>();
        var denies = new List<string>();
        var uncertainties = new List<string>();
        foreach (var statement in policy.Statements)
        {
            var applies = Applies(statement, request);
            switch (statement.Effect, applies.Outcome)
            {
                case (PolicyEffect.Deny, MatchOutcome.Match):
                    denies.Add(statement.Reference);
                    break;
                case (PolicyEffect.Deny, MatchOutcome.Unknown):
                    denies.Add(statement.Reference);
                    uncertainties.Add($"Deny {statement.Reference} counted as applying: {applies.Reason}");
                    break;
                case (PolicyEffect.Allow, MatchOutcome.Match):
                    allows.Add(statement.Reference);
                    break;
                case (PolicyEffect.Allow, MatchOutcome.Unknown):
                    uncertainties.Add($"Allow {statement.Reference} not counted: {applies.Reason}");
                    break;
            }
        }

        if (denies.Count > 0)
        {
            return new PolicyDecision(PolicyDecisionKind.ExplicitDeny, denies, uncertainties);
        }

        return allows.Count > 0
            ? new PolicyDecision(PolicyDecisionKind.Allowed, allows, uncertainties)
            : new PolicyDecision(PolicyDecisionKind.ImplicitDeny, [], uncertainties);
    }

    /// <summary>Parses and evaluates in one step; a policy that does not parse yields no decision.</summary>
    public static PolicyResult<PolicyDecision> Evaluate(string? policyJson, AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (policyJson is null)
        {
            return PolicyResult.Success(PolicyDecision.NoPolicy);
        }

        var parsed = PolicyParser.Parse(policyJson);
        return parsed.IsSuccess
            ? PolicyResult.Success(Evaluate(parsed.Document, request))
            : PolicyResult.Failure<PolicyDecision>(parsed.Error);
    }

    private static Applicability Applies(PolicyStatement statement, AuthorizationRequest request) =>
        StatementMatcher.Action(statement.Action, request.Action)
            .And(StatementMatcher.Principal(statement.Principal, request.Principal))
            .And(StatementMatcher.Resource(statement.Resource, request.Resource))
            .And(ConditionEvaluator.Evaluate(statement.Conditions, request.Context));
}
