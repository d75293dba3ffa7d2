using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Decisions;

/// <summary>What a function policy, read fresh from Lambda, says about the planned request.</summary>
public enum PolicyVerdictKind
{
    /// <summary>An Allow applies and no Deny does.</summary>
    Allows,

    /// <summary>Nothing applies: the planned grant is the fix.</summary>
    Missing,

    /// <summary>A Deny applies: an Allow would not help.</summary>
    ExplicitDeny,

    /// <summary>Remediator's own statement is present and still the call is not allowed: someone changed it.</summary>
    OwnStatementIneffective,

    /// <summary>The policy text cannot be parsed: fail closed.</summary>
    Unreadable,
}

/// <summary>The verdict with a sentence for people and the policy revision it was read at.</summary>
public sealed record PolicyVerdict(PolicyVerdictKind Kind, string Explanation, string? RevisionId)
{
    /// <summary>Judges <paramref name="policy"/> (null: the function has no policy) for <paramref name="plan"/>.</summary>
    public static PolicyVerdict Judge(FunctionPolicy? policy, GrantPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string where = plan.Function.Qualifier is null
            ? $"the policy of {plan.Function.UnqualifiedArn}"
            : $"the policy of {plan.Function.UnqualifiedArn} for qualifier {plan.Function.Qualifier}";
        if (policy is null)
        {
            return new(PolicyVerdictKind.Missing, $"{Capitalize(where)} does not exist, so nothing allows {plan.RequestSourceArn}.", null);
        }

        Result<PolicyDocument, string> parsed = PolicyParser.Parse(policy.PolicyJson);
        if (!parsed.IsSuccess)
        {
            return new(PolicyVerdictKind.Unreadable, $"{Capitalize(where)} cannot be read ({parsed.Error}); nothing is written to a policy Remediator does not understand.", policy.RevisionId);
        }

        PolicyDecision decision = PolicyEvaluator.Evaluate(parsed.Value, plan.Request);
        string statements = string.Join(", ", decision.DecidingStatements);
        return decision.Kind switch
        {
            PolicyDecisionKind.Allowed => new(PolicyVerdictKind.Allows, $"{Capitalize(where)} already allows {plan.RequestSourceArn} (statement {statements}).", policy.RevisionId),
            PolicyDecisionKind.ExplicitDeny => new(PolicyVerdictKind.ExplicitDeny, $"{Capitalize(where)} explicitly denies {plan.RequestSourceArn} (statement {statements}); an Allow would not help.", policy.RevisionId),
            _ when parsed.Value.FindStatement(plan.Grant.StatementId) is not null => new(
                PolicyVerdictKind.OwnStatementIneffective,
                $"{Capitalize(where)} holds Remediator's statement {plan.Grant.StatementId}, yet it does not allow {plan.RequestSourceArn}: it was changed by someone else.",
                policy.RevisionId),
            _ => new(PolicyVerdictKind.Missing, $"{Capitalize(where)} has {parsed.Value.Statements.Count} statement(s), none of which allows {plan.RequestSourceArn}.", policy.RevisionId),
        };
    }

    /// <summary>
    /// Judges one policy for every request of one target (the plans share their grant and differ in the
    /// request): the verdict that leaves the least to do wins, so the target is fixed when any request is
    /// not allowed, and ticketed when any request is denied or the policy cannot be read. Fails closed.
    /// </summary>
    /// <returns>The verdict and the plan of the request it is for.</returns>
    public static (PolicyVerdict Verdict, GrantPlan Plan) JudgeAll(FunctionPolicy? policy, IReadOnlyList<GrantPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentOutOfRangeException.ThrowIfZero(plans.Count);
        (PolicyVerdict Verdict, GrantPlan Plan)? worst = null;
        var judged = new HashSet<string>(StringComparer.Ordinal);
        foreach (GrantPlan plan in plans)
        {
            if (!judged.Add(plan.RequestSourceArn))
            {
                continue;
            }

            PolicyVerdict verdict = Judge(policy, plan);
            if (worst is null || Severity(verdict.Kind) > Severity(worst.Value.Verdict.Kind))
            {
                worst = (verdict, plan);
            }
        }

        return worst!.Value;
    }

    private static int Severity(PolicyVerdictKind kind) => kind switch
    {
        PolicyVerdictKind.Allows => 0,
        PolicyVerdictKind.Missing => 1,
        PolicyVerdictKind.OwnStatementIneffective => 2,
        PolicyVerdictKind.ExplicitDeny => 3,
        _ => 4,
    };

    /// <summary>The decision this verdict implies for enforce mode.</summary>
    public Decision ToDecision(bool concurrent = false)
    {
        // Decision details are clauses ("the policy of ... has ..."), explanations are sentences.
        string detail = string.Concat(char.ToLowerInvariant(Explanation[0]).ToString(), Explanation.AsSpan(1)).TrimEnd('.');
        return Kind switch
        {
            PolicyVerdictKind.Allows => new(RemediationOutcome.AlreadyAllowed, concurrent ? OutcomeReason.AddedConcurrently : OutcomeReason.PolicyAllows, detail),
            PolicyVerdictKind.Missing => new(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, detail),
            PolicyVerdictKind.ExplicitDeny => Decision.Ticket(OutcomeReason.ExplicitDeny, detail),
            _ => Decision.Ticket(OutcomeReason.Unresolvable, detail),
        };
    }

    private static string Capitalize(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
