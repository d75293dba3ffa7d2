namespace Remediator.Core.Policy;

/// <summary>
/// Evaluates a Lambda resource-based policy the way IAM does for one request: an applying Deny wins, then an
/// applying Allow, else an implicit deny (docs/ARCHITECTURE.md, "Verification").
/// </summary>
// Callers pass the policy of the invoked qualifier: each statement names that exact ARN, so f and f:prod never
// match each other. What cannot be evaluated faithfully fails closed and is listed in PolicyDecision.Uncertainties.
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
    public static Result<PolicyDecision, string> Evaluate(string? policyJson, AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (policyJson is null)
        {
            return Result<PolicyDecision, string>.Success(PolicyDecision.NoPolicy);
        }

        var parsed = PolicyParser.Parse(policyJson);
        return parsed.IsSuccess
            ? Result<PolicyDecision, string>.Success(Evaluate(parsed.Value, request))
            : Result<PolicyDecision, string>.Failure(parsed.Error);
    }

    private static Applicability Applies(PolicyStatement statement, AuthorizationRequest request) =>
        StatementMatcher.Action(statement.Action, request.Action)
            .And(StatementMatcher.Principal(statement.Principal, request.Principal))
            .And(StatementMatcher.Resource(statement.Resource, request.Resource))
            .And(ConditionEvaluator.Evaluate(statement.Conditions, request.Context));
}
