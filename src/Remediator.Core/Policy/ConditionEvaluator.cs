namespace Remediator.Core.Policy;

/// <summary>
/// Evaluates <c>Condition</c> clauses against a request context as IAM does: all clauses must hold
/// (multiple operators and keys AND), any policy value may match (values OR), a key missing from the
/// request fails a positive operator and satisfies a negated one, <c>...IfExists</c> treats a missing
/// key as satisfied, <c>ForAllValues</c> holds for a missing key and <c>ForAnyValue</c> does not.
/// </summary>
internal static class ConditionEvaluator
{
    public static Applicability Evaluate(IReadOnlyList<ConditionClause> clauses, ConditionContext context)
    {
        var result = Applicability.Match;
        foreach (var clause in clauses)
        {
            result = result.And(Evaluate(clause, context));
            if (result.Outcome == MatchOutcome.NoMatch)
            {
                return result;
            }
        }

        return result;
    }

    public static Applicability Evaluate(ConditionClause clause, ConditionContext context)
    {
        var op = ConditionOperator.Parse(clause.Operator);
        if (op is null)
        {
            return Applicability.Unknown($"unsupported condition operator \"{clause.Operator}\"");
        }

        // Policy variables (${aws:username}) would be substituted by IAM; we do not, so we cannot decide.
        if (clause.Values.Any(v => v.Contains("${", StringComparison.Ordinal)))
        {
            return Applicability.Unknown($"policy variable in condition {clause.Operator} {clause.Key}");
        }

        var requestValues = context.ValuesOf(clause.Key);
        return op.Base == ConditionBase.Null
            ? EvaluateNull(clause, requestValues.Count == 0)
            : Applicability.From(Holds(op, clause.Values, requestValues));
    }

    private static Applicability EvaluateNull(ConditionClause clause, bool keyMissing)
    {
        var result = Applicability.NoMatch;
        foreach (var value in clause.Values)
        {
            if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                result = keyMissing ? Applicability.Match : result;
            }
            else if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                result = keyMissing ? result : Applicability.Match;
            }
            else
            {
                return Applicability.Unknown($"Null condition on {clause.Key} with value \"{value}\"");
            }
        }

        return result;
    }

    private static bool Holds(ConditionOperator op, IReadOnlyList<string> policyValues, IReadOnlyList<string> requestValues)
    {
        if (requestValues.Count == 0)
        {
            return op.IfExists || op.Qualifier switch
            {
                SetQualifier.ForAllValues => true,
                SetQualifier.ForAnyValue => false,
                _ => op.IsNegated,
            };
        }

        // The per-value test: does this request value match any policy value (negated for Not* operators)?
        bool Test(string requestValue) => op.IsNegated != policyValues.Any(p => Matches(op.Base, p, requestValue));

        return op.Qualifier switch
        {
            SetQualifier.ForAnyValue => requestValues.Any(Test),
            SetQualifier.ForAllValues => requestValues.All(Test),
            // A plain operator on a multi-valued key: a positive one needs one matching value,
            // a negated one needs every value to pass (no value matches).
            _ => op.IsNegated ? requestValues.All(Test) : requestValues.Any(Test),
        };
    }

    private static bool Matches(ConditionBase op, string policyValue, string requestValue) => op switch
    {
        ConditionBase.StringEquals or ConditionBase.StringNotEquals =>
            string.Equals(policyValue, requestValue, StringComparison.Ordinal),
        ConditionBase.StringEqualsIgnoreCase or ConditionBase.StringNotEqualsIgnoreCase =>
            string.Equals(policyValue, requestValue, StringComparison.OrdinalIgnoreCase),
        ConditionBase.StringLike or ConditionBase.StringNotLike =>
            WildcardMatcher.IsMatch(policyValue, requestValue, ignoreCase: false),
        ConditionBase.ArnEquals or ConditionBase.ArnLike or ConditionBase.ArnNotEquals or ConditionBase.ArnNotLike =>
            ArnMatcher.IsMatch(policyValue, requestValue),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Null is evaluated separately"),
    };
}
