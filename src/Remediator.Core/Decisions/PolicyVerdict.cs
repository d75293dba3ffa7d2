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

        PolicyParseResult parsed = PolicyParser.Parse(policy.PolicyJson);
        if (!parsed.IsSuccess)
        {
            return new(PolicyVerdictKind.Unreadable, $"{Capitalize(where)} cannot be read ({parsed.Error}); nothing is written to a policy Remediator does not understand.", policy.RevisionId);
        }

        PolicyDecision decision = PolicyEvaluator.Evaluate(parsed.Document, plan.Request);
        string statements = string.Join(", ", decision.DecidingStatements);
        return decision.Kind switch
        {
            PolicyDecisionKind.Allowed => new(PolicyVerdictKind.Allows, $"{Capitalize(where)} already allows {plan.RequestSourceArn} (statement {statements}).", policy.RevisionId),
            PolicyDecisionKind.ExplicitDeny => new(PolicyVerdictKind.ExplicitDeny, $"{Capitalize(where)} explicitly denies {plan.RequestSourceArn} (statement {statements}); an Allow would not help.", policy.RevisionId),
            _ when parsed.Document.FindStatement(plan.Grant.StatementId) is not null => new(
                PolicyVerdictKind.OwnStatementIneffective,
                $"{Capitalize(where)} holds Remediator's statement {plan.Grant.StatementId}, yet it does not allow {plan.RequestSourceArn}: it was changed by someone else.",
                policy.RevisionId),
            _ => new(PolicyVerdictKind.Missing, $"{Capitalize(where)} has {parsed.Document.Statements.Count} statement(s), none of which allows {plan.RequestSourceArn}.", policy.RevisionId),
        };
    }

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
