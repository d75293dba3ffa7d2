using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Decisions;

public class TargetChecksTests
{
    private const string Pets = "arn:aws:lambda:us-east-1:123456789012:function:pets";

    [Theory]
    [InlineData("https://example.com", null, null, OutcomeReason.LogControlPlaneMismatch)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.nope}", null, null, OutcomeReason.Unresolvable)]
    [InlineData(Pets, "arn:aws:iam::123456789012:role/invoke", null, OutcomeReason.RoleBasedIntegration)]
    [InlineData(Pets, "arn:aws:iam::*:user/*", null, OutcomeReason.RoleBasedIntegration)]
    [InlineData(Pets, null, "arn:aws:lambda:us-east-1:123456789012:function:attacker", OutcomeReason.LogControlPlaneMismatch)]
    [InlineData(Pets, null, Pets + ":prod", OutcomeReason.LogControlPlaneMismatch)]
    [InlineData("arn:aws:lambda:us-east-1:999999999999:function:shared", null, null, OutcomeReason.CrossAccountFunction)]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:far", null, null, OutcomeReason.Unresolvable)]
    public void Check_RulesOutAGrant(string uri, string? credentials, string? logged, OutcomeReason expected)
    {
        Decision? decision = TargetChecks.Check(Target(uri, credentials), logged);

        Assert.Equal((RemediationOutcome.Ticket, expected), (decision?.Outcome, decision?.Reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Pets)]
    public void Check_SameAccountLambdaWithoutRole_PassesWhenTheLogAgrees(string? logged) =>
        Assert.Null(TargetChecks.Check(Target(Pets, null), logged));

    internal static ResolvedTarget Target(string uri, string? credentials) => new()
    {
        ApiType = ApiType.Rest,
        Api = new ApiTarget("us-east-1", "123456789012", "a1b2c3d4e5"),
        Stage = "prod",
        Kind = TargetKind.Integration,
        ResourcePath = "/pets/{id}",
        HttpMethod = "GET",
        RequestMethod = "GET",
        RequestPath = "/pets/42",
        Uri = uri,
        Credentials = credentials,
        Lambda = IntegrationUri.Resolve(uri, new Dictionary<string, string>()),
    };
}
