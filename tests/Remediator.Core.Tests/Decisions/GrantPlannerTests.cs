using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Decisions;

public class GrantPlannerTests
{
    private const string Pets = "arn:aws:lambda:us-east-1:123456789012:function:pets";
    private const string Api = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5";

    [Theory]
    [InlineData(StageScope.Any, Api + "/*/GET/pets/*")]
    [InlineData(StageScope.Stage, Api + "/prod/GET/pets/*")]
    public void Plan_RestMethod_ScopesTheStageAsConfigured(StageScope scope, string expected)
    {
        (GrantPlan? plan, Decision? refusal) = GrantPlanner.Plan(TargetChecksTests.Target(Pets, null), scope);

        Assert.Null(refusal);
        Assert.Equal(expected, plan!.Grant.SourceArn);
        Assert.Equal(Api + "/prod/GET/pets/42", plan.RequestSourceArn);
        Assert.Equal(StatementIdFactory.Create(plan.Function, "apigateway.amazonaws.com", "lambda:InvokeFunction", expected, "123456789012"), plan.Grant.StatementId);
    }

    [Theory]
    [InlineData("GET /items/{id}", null, Api + "/*/GET/items/*", Api + "/prod/GET/items/{id}")]
    [InlineData("ANY /items", "DELETE", Api + "/*/*/items", Api + "/prod/DELETE/items")]
    [InlineData("$default", "GET", Api + "/*/$default", Api + "/prod/$default")]
    [InlineData("$connect", null, Api + "/*/$connect", Api + "/prod/$connect")]
    public void Plan_Routes(string routeKey, string? requestMethod, string grant, string request)
    {
        ResolvedTarget target = TargetChecksTests.Target(Pets, null) with { ResourcePath = null, HttpMethod = null, RouteKey = routeKey, RequestMethod = requestMethod };

        GrantPlan plan = GrantPlanner.Plan(target, StageScope.Any).Plan!;

        Assert.Equal((grant, request), (plan.Grant.SourceArn, plan.RequestSourceArn));
    }

    [Fact]
    public void Plan_Authorizer_UsesTheAuthorizerSourceArnForBoth()
    {
        ResolvedTarget target = TargetChecksTests.Target(Pets, null) with { Kind = TargetKind.Authorizer, AuthorizerId = "4hugyv" };

        GrantPlan plan = GrantPlanner.Plan(target, StageScope.Stage).Plan!;

        Assert.Equal((Api + "/authorizers/4hugyv", Api + "/authorizers/4hugyv"), (plan.Grant.SourceArn, plan.RequestSourceArn));
    }

    [Fact]
    public void Plan_StageSweep_JudgesTheWholeMethodOnTheFailedStage()
    {
        ResolvedTarget target = TargetChecksTests.Target(Pets, null) with { RequestMethod = null, RequestPath = null, FromStageSweep = true };

        Assert.Equal(Api + "/prod/GET/pets/*", GrantPlanner.Plan(target, StageScope.Any).Plan!.RequestSourceArn);
    }

    [Fact]
    public void Plan_LoggedPathThatCannotBeAnArn_JudgesTheWholeMethod()
    {
        ResolvedTarget target = TargetChecksTests.Target(Pets, null) with { RequestPath = "/pets/a b" };

        Assert.Equal(Api + "/prod/GET/pets/*", GrantPlanner.Plan(target, StageScope.Any).Plan!.RequestSourceArn);
    }

    [Fact]
    public void Plan_AliasTarget_GrantsOnTheQualifiedFunction()
    {
        GrantPlan plan = GrantPlanner.Plan(TargetChecksTests.Target(Pets + ":live", null), StageScope.Any).Plan!;

        Assert.Equal(("live", Pets), (plan.Grant.Qualifier, plan.Grant.FunctionArn));
        Assert.Equal(Pets + ":live", plan.Request.Resource);
    }

    [Fact]
    public void Plan_LatestQualifier_IsRefused()
    {
        (GrantPlan? plan, Decision? refusal) = GrantPlanner.Plan(TargetChecksTests.Target(Pets + ":$LATEST", null), StageScope.Any);

        Assert.Null(plan);
        Assert.Equal(OutcomeReason.Unresolvable, refusal!.Reason);
    }

    [Fact]
    public void Plan_CrossAccountFunction_IsRefusedAsCrossAccount()
    {
        (GrantPlan? plan, Decision? refusal) = GrantPlanner.Plan(TargetChecksTests.Target("arn:aws:lambda:us-east-1:999999999999:function:x", null), StageScope.Any);

        Assert.Null(plan);
        Assert.Equal(OutcomeReason.CrossAccountFunction, refusal!.Reason);
    }
}
