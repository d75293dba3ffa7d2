using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Decisions;

public class PolicyVerdictTests
{
    private const string Pets = "arn:aws:lambda:us-east-1:123456789012:function:pets";
    private const string Api = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5";

    private static readonly GrantPlan Plan = GrantPlanner.Plan(TargetChecksTests.Target(Pets, null), StageScope.Any).Plan!;

    public static TheoryData<string, PolicyVerdictKind, OutcomeReason> Policies => new()
    {
        { Allow("console", Api + "/*/GET/pets/*"), PolicyVerdictKind.Allows, OutcomeReason.PolicyAllows },
        { Allow("whole-api", Api + "/*"), PolicyVerdictKind.Allows, OutcomeReason.PolicyAllows },
        { Allow("other-stage", Api + "/dev/GET/pets/*"), PolicyVerdictKind.Missing, OutcomeReason.PermissionMissing },
        { Allow("other-api", "arn:aws:execute-api:us-east-1:123456789012:zzzz/*"), PolicyVerdictKind.Missing, OutcomeReason.PermissionMissing },
        { Deny("deny", Api + "/*"), PolicyVerdictKind.ExplicitDeny, OutcomeReason.ExplicitDeny },
        { Policy(LambdaStatementWriter.WriteStatement(Plan.Grant.StatementId, "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, Api + "/dev/POST/x", null)), PolicyVerdictKind.OwnStatementIneffective, OutcomeReason.Unresolvable },
        { "{not json", PolicyVerdictKind.Unreadable, OutcomeReason.Unresolvable },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Judge_Table(string policyJson, PolicyVerdictKind expected, OutcomeReason reason)
    {
        PolicyVerdict verdict = PolicyVerdict.Judge(new FunctionPolicy(policyJson, "rev-9"), Plan);

        Assert.Equal(expected, verdict.Kind);
        Assert.Equal(reason, verdict.ToDecision().Reason);
        Assert.Equal("rev-9", verdict.RevisionId);
    }

    [Fact]
    public void Judge_NoPolicy_IsMissingWithoutRevision()
    {
        PolicyVerdict verdict = PolicyVerdict.Judge(null, Plan);

        Assert.Equal((PolicyVerdictKind.Missing, null), (verdict.Kind, verdict.RevisionId));
    }

    [Fact]
    public void ToDecision_AllowsAfterARace_IsAddedConcurrently() =>
        Assert.Equal(OutcomeReason.AddedConcurrently, PolicyVerdict.Judge(new FunctionPolicy(Allow("x", Api + "/*"), "r"), Plan).ToDecision(concurrent: true).Reason);

    [Fact]
    public void JudgeAll_OneRequestNotAllowed_IsMissingForThatRequest()
    {
        GrantPlan one = PlanFor("/pets/1");
        GrantPlan two = PlanFor("/pets/2");

        (PolicyVerdict verdict, GrantPlan plan) = PolicyVerdict.JudgeAll(new FunctionPolicy(Allow("one", Api + "/prod/GET/pets/1"), "r"), [one, two]);

        Assert.Equal(PolicyVerdictKind.Missing, verdict.Kind);
        Assert.Same(two, plan);
    }

    [Fact]
    public void JudgeAll_OneRequestDenied_TicketsTheWholeTarget()
    {
        string policy = LambdaStatementWriter.WritePolicy([
            LambdaStatementWriter.WriteStatement("deny-one", "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, Api + "/prod/GET/pets/2", null).Replace("\"Allow\"", "\"Deny\"", StringComparison.Ordinal),
        ]);

        (PolicyVerdict verdict, _) = PolicyVerdict.JudgeAll(new FunctionPolicy(policy, "r"), [PlanFor("/pets/1"), PlanFor("/pets/2"), PlanFor("/pets/3")]);

        Assert.Equal(PolicyVerdictKind.ExplicitDeny, verdict.Kind);
    }

    [Fact]
    public void JudgeAll_EveryRequestAllowed_AllowsWithTheFirstPlan()
    {
        GrantPlan one = PlanFor("/pets/1");

        (PolicyVerdict verdict, GrantPlan plan) = PolicyVerdict.JudgeAll(new FunctionPolicy(Allow("all", Api + "/*"), "r"), [one, PlanFor("/pets/2")]);

        Assert.Equal((PolicyVerdictKind.Allows, one), (verdict.Kind, plan));
    }

    private static GrantPlan PlanFor(string path) =>
        GrantPlanner.Plan(TargetChecksTests.Target(Pets, null) with { RequestPath = path }, StageScope.Any).Plan!;

    private static string Allow(string sid, string source) =>
        Policy(LambdaStatementWriter.WriteStatement(sid, "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, source, null));

    private static string Deny(string sid, string source) =>
        Policy(LambdaStatementWriter.WriteStatement(sid, "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, source, null).Replace("\"Allow\"", "\"Deny\"", StringComparison.Ordinal));

    private static string Policy(string statement) => LambdaStatementWriter.WritePolicy([statement]);
}
