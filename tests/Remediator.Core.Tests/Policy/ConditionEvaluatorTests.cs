using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class ConditionEvaluatorTests
{
    private const string Arn = "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/pets";

    private static readonly ConditionContext Request = ConditionContext.From(
    [
        new("AWS:SourceArn", Arn),
        new("AWS:SourceAccount", "111122223333"),
        new("aws:TagKeys", "team"),
        new("aws:TagKeys", "cost-center"),
    ]);

    public static TheoryData<string, string, string[], bool> Catalogue => new()
    {
        // StringEquals: exact and case-sensitive; several values OR.
        { "StringEquals", "AWS:SourceAccount", ["111122223333"], true },
        { "StringEquals", "AWS:SourceAccount", ["999999999999", "111122223333"], true },
        { "StringEquals", "AWS:SourceAccount", ["999999999999"], false },
        { "StringEquals", "AWS:SourceArn", [Arn.ToUpperInvariant()], false },
        // Condition keys are case-insensitive.
        { "StringEquals", "aws:sourceaccount", ["111122223333"], true },
        { "StringEquals", "AWS:SOURCEACCOUNT", ["111122223333"], true },
        // A missing key fails a positive operator and satisfies a negated one.
        { "StringEquals", "aws:PrincipalOrgID", ["o-123"], false },
        { "StringNotEquals", "aws:PrincipalOrgID", ["o-123"], true },
        { "StringNotEquals", "AWS:SourceAccount", ["999999999999"], true },
        { "StringNotEquals", "AWS:SourceAccount", ["999999999999", "111122223333"], false },
        { "StringEqualsIgnoreCase", "AWS:SourceArn", [Arn.ToUpperInvariant()], true },
        { "StringNotEqualsIgnoreCase", "AWS:SourceArn", [Arn.ToUpperInvariant()], false },
        // StringLike: wildcards across the whole string, case-sensitive.
        { "StringLike", "AWS:SourceArn", ["arn:aws:execute-api:*"], true },
        { "StringLike", "AWS:SourceArn", ["*:a1b2c3d4e5/*"], true },
        { "StringLike", "AWS:SourceArn", ["*:A1B2C3D4E5/*"], false },
        { "StringLike", "AWS:SourceArn", ["arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/pro?/GET/pets"], true },
        { "StringNotLike", "AWS:SourceArn", ["*/POST/*"], true },
        { "StringNotLike", "AWS:SourceArn", ["*/GET/*"], false },
        // ArnLike/ArnEquals: per component, identical behaviour.
        { "ArnLike", "AWS:SourceArn", ["arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/GET/pets"], true },
        { "ArnEquals", "AWS:SourceArn", ["arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/GET/pets"], true },
        { "ArnLike", "AWS:SourceArn", ["arn:aws:execute-api:us-east-1:*"], false },
        { "ArnLike", "AWS:SourceArn", ["arn:aws:execute-api:us-east-1:999999999999:a1b2c3d4e5/*"], false },
        { "ArnNotLike", "AWS:SourceArn", ["arn:aws:execute-api:*:*:zzzzzzzzzz/*"], true },
        { "ArnNotEquals", "AWS:SourceArn", [Arn], false },
        { "ArnLike", "aws:PrincipalArn", ["*"], false },
        { "ArnNotLike", "aws:PrincipalArn", ["*"], true },
        // ...IfExists: a missing key satisfies the clause; a present one is tested normally.
        { "StringEqualsIfExists", "aws:PrincipalOrgID", ["o-123"], true },
        { "StringEqualsIfExists", "AWS:SourceAccount", ["999999999999"], false },
        { "ArnLikeIfExists", "AWS:SourceArn", ["arn:aws:execute-api:*:*:a1b2c3d4e5/*"], true },
        { "StringNotEqualsIfExists", "aws:PrincipalOrgID", ["o-123"], true },
        // Null: "true" means absent, "false" means present.
        { "Null", "aws:PrincipalOrgID", ["true"], true },
        { "Null", "aws:PrincipalOrgID", ["false"], false },
        { "Null", "AWS:SourceArn", ["false"], true },
        { "Null", "AWS:SourceArn", ["true"], false },
        { "Null", "AWS:SourceArn", ["TRUE", "false"], true },
        // Set operators on a multi-valued key.
        { "ForAnyValue:StringEquals", "aws:TagKeys", ["team"], true },
        { "ForAnyValue:StringEquals", "aws:TagKeys", ["owner"], false },
        { "ForAllValues:StringEquals", "aws:TagKeys", ["team", "cost-center", "owner"], true },
        { "ForAllValues:StringEquals", "aws:TagKeys", ["team"], false },
        { "ForAllValues:StringLike", "aws:TagKeys", ["*"], true },
        { "ForAnyValue:StringNotEquals", "aws:TagKeys", ["team"], true },
        { "ForAllValues:StringNotEquals", "aws:TagKeys", ["team"], false },
        // ForAllValues holds for a missing key (the empty set); ForAnyValue does not.
        { "ForAllValues:StringEquals", "aws:RequestTag/x", ["a"], true },
        { "ForAnyValue:StringEquals", "aws:RequestTag/x", ["a"], false },
        { "ForAnyValue:StringEqualsIfExists", "aws:RequestTag/x", ["a"], true },
        // A plain operator on a multi-valued key: one match suffices; the negated one needs none to match.
        { "StringEquals", "aws:TagKeys", ["cost-center"], true },
        { "StringNotEquals", "aws:TagKeys", ["cost-center"], false },
        // Operator names compare case-insensitively.
        { "arnlike", "AWS:SourceArn", ["arn:aws:execute-api:*:*:a1b2c3d4e5/*"], true },
        { "forallvalues:stringequalsifexists", "aws:TagKeys", ["team", "cost-center"], true },
    };

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Evaluate_SupportedOperator_DecidesLikeIam(string op, string key, string[] values, bool expected)
    {
        var result = ConditionEvaluator.Evaluate(new ConditionClause(op, key, values), Request);

        Assert.Equal(expected ? MatchOutcome.Match : MatchOutcome.NoMatch, result.Outcome);
    }

    [Theory]
    [InlineData("NumericEquals", "AWS:SourceAccount", "111122223333")]
    [InlineData("DateGreaterThan", "aws:CurrentTime", "2020-01-01T00:00:00Z")]
    [InlineData("Bool", "aws:SecureTransport", "true")]
    [InlineData("IpAddress", "aws:SourceIp", "10.0.0.0/8")]
    [InlineData("StringEqualz", "AWS:SourceAccount", "111122223333")]
    [InlineData("ForSomeValues:StringEquals", "aws:TagKeys", "team")]
    [InlineData("NullIfExists", "AWS:SourceArn", "true")]
    [InlineData("ForAnyValue:Null", "AWS:SourceArn", "true")]
    [InlineData("1", "AWS:SourceArn", "x")]
    [InlineData("StringEquals,StringLike", "AWS:SourceArn", "x")]
    [InlineData("Null", "AWS:SourceArn", "maybe")]
    [InlineData("StringEquals", "AWS:SourceAccount", "${aws:PrincipalAccount}")]
    public void Evaluate_UnsupportedOrUndecidable_IsUnknownWithAReason(string op, string key, string value)
    {
        var result = ConditionEvaluator.Evaluate(new ConditionClause(op, key, [value]), Request);

        Assert.Equal(MatchOutcome.Unknown, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public void Evaluate_SeveralClauses_AllMustHold()
    {
        ConditionClause[] clauses =
        [
            new("StringEquals", "AWS:SourceAccount", ["111122223333"]),
            new("ArnLike", "AWS:SourceArn", ["arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/POST/*"]),
        ];

        Assert.Equal(MatchOutcome.NoMatch, ConditionEvaluator.Evaluate(clauses, Request).Outcome);
        Assert.Equal(MatchOutcome.Match, ConditionEvaluator.Evaluate(clauses[..1], Request).Outcome);
        Assert.Equal(MatchOutcome.Match, ConditionEvaluator.Evaluate([], Request).Outcome);
    }

    [Fact]
    public void Evaluate_UnknownAndFalseClauses_FalseWins()
    {
        ConditionClause[] clauses =
        [
            new("NumericEquals", "k", ["1"]),
            new("StringEquals", "AWS:SourceAccount", ["999999999999"]),
        ];

        // A clause that surely fails decides the statement even next to one we cannot evaluate.
        Assert.Equal(MatchOutcome.NoMatch, ConditionEvaluator.Evaluate(clauses, Request).Outcome);
    }

    [Fact]
    public void Evaluate_UnknownAndTrueClauses_StaysUnknown()
    {
        ConditionClause[] clauses =
        [
            new("StringEquals", "AWS:SourceAccount", ["111122223333"]),
            new("NumericEquals", "k", ["1"]),
        ];

        var result = ConditionEvaluator.Evaluate(clauses, Request);

        Assert.Equal(MatchOutcome.Unknown, result.Outcome);
        Assert.Contains("NumericEquals", result.Reason, StringComparison.Ordinal);
    }
}
