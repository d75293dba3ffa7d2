using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Decisions;

public class KindRulesTests
{
    [Theory]
    [InlineData(FindingKind.MissingInvokePermission, null)]
    [InlineData(FindingKind.AuthorizerInvokePermission, null)]
    [InlineData(FindingKind.MalformedProxyResponse, OutcomeReason.ProxyResponse)]
    [InlineData(FindingKind.PackagePermissionDenied, OutcomeReason.PackagePermissions)]
    [InlineData(FindingKind.HandlerNotFound, OutcomeReason.Handler)]
    [InlineData(FindingKind.FunctionError, OutcomeReason.FunctionError)]
    [InlineData(FindingKind.Unrecognized, OutcomeReason.UnrecognizedFailure)]
    [InlineData(FindingKind.FunctionThrottled, OutcomeReason.FunctionThrottled)]
    [InlineData(FindingKind.IntegrationTimeout, OutcomeReason.IntegrationTimeout)]
    [InlineData(FindingKind.CredentialsRoleNotAssumable, OutcomeReason.RoleTrust)]
    [InlineData(FindingKind.AuthorizerCredentialsRoleNotAssumable, OutcomeReason.RoleTrust)]
    [InlineData(FindingKind.IntegrationConfiguration, OutcomeReason.IntegrationConfiguration)]
    [InlineData(FindingKind.AuthorizerConfiguration, OutcomeReason.IntegrationConfiguration)]
    public void TicketFor_EveryKind(FindingKind kind, OutcomeReason? expected)
    {
        Decision? ticket = KindRules.TicketFor(kind);

        Assert.Equal(expected, ticket?.Reason);
        Assert.Equal(expected is null, KindRules.IsPermissionKind(kind));
        if (ticket is not null)
        {
            Assert.Equal(RemediationOutcome.Ticket, ticket.Outcome);
        }
    }

    [Fact]
    public void TicketFor_MalformedResponse_QuotesTheRequiredShape() =>
        Assert.Contains("\"statusCode\": int", KindRules.TicketFor(FindingKind.MalformedProxyResponse)!.Detail, StringComparison.Ordinal);

    [Fact]
    public void TicketFor_PackagePermissions_GivesTheModes() =>
        Assert.Contains("644", KindRules.TicketFor(FindingKind.PackagePermissionDenied)!.Detail, StringComparison.Ordinal);

    private const string Pets = "arn:aws:lambda:us-east-1:123456789012:function:pets";

    [Theory]
    [InlineData(FindingKind.MissingInvokePermission, false)]
    [InlineData(FindingKind.AuthorizerInvokePermission, false)]
    [InlineData(FindingKind.MalformedProxyResponse, true)]
    [InlineData(FindingKind.PackagePermissionDenied, true)]
    [InlineData(FindingKind.HandlerNotFound, true)]
    [InlineData(FindingKind.FunctionError, true)]
    [InlineData(FindingKind.Unrecognized, false)]
    [InlineData(FindingKind.FunctionThrottled, true)]
    [InlineData(FindingKind.IntegrationTimeout, true)]
    [InlineData(FindingKind.CredentialsRoleNotAssumable, false)]
    [InlineData(FindingKind.AuthorizerCredentialsRoleNotAssumable, false)]
    [InlineData(FindingKind.IntegrationConfiguration, false)]
    [InlineData(FindingKind.AuthorizerConfiguration, false)]
    public void IsFunctionFault_EveryKind(FindingKind kind, bool expected) =>
        Assert.Equal(expected, KindRules.IsFunctionFault(kind));

    [Theory]
    [InlineData(FindingKind.MalformedProxyResponse)]
    [InlineData(FindingKind.PackagePermissionDenied)]
    [InlineData(FindingKind.HandlerNotFound)]
    [InlineData(FindingKind.FunctionError)]
    [InlineData(FindingKind.Unrecognized)]
    public void TicketForTarget_KindAGrantCannotFix_NamesTheVerifiedFunctionAndTargetWithTheSameReason(FindingKind kind)
    {
        Decision ticket = KindRules.TicketFor(kind, TargetChecksTests.Target(Pets, null), null)!;

        Assert.Equal(KindRules.TicketFor(kind)!.Reason, ticket.Reason);
        Assert.Equal(RemediationOutcome.Ticket, ticket.Outcome);
        Assert.Contains($"function {Pets}", ticket.Detail, StringComparison.Ordinal);
        Assert.Contains("GET /pets/{id} on stage prod", ticket.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FindingKind.MissingInvokePermission, TargetKind.Integration)]
    [InlineData(FindingKind.AuthorizerInvokePermission, TargetKind.Authorizer)]
    [InlineData(FindingKind.CredentialsRoleNotAssumable, TargetKind.Integration)]
    [InlineData(FindingKind.AuthorizerCredentialsRoleNotAssumable, TargetKind.Authorizer)]
    [InlineData(FindingKind.AuthorizerConfiguration, TargetKind.Authorizer)]
    [InlineData(FindingKind.FunctionThrottled, TargetKind.Integration)]
    public void TargetOf_Kind_IsWhatFailed(FindingKind kind, TargetKind target) => Assert.Equal(target, KindRules.TargetOf(kind));

    [Fact]
    public void TicketForTarget_RoleKind_NamesTheVerifiedRoleAndTheTrustStatement()
    {
        const string Role = "arn:aws:iam::123456789012:role/apigw";
        string detail = KindRules.TicketFor(FindingKind.CredentialsRoleNotAssumable, TargetChecksTests.Target(Pets, Role), null)!.Detail;

        Assert.StartsWith($"API Gateway cannot assume role {Role}, the credentials of GET /pets/{{id}} on stage prod", detail, StringComparison.Ordinal);
        Assert.Contains("\"Service\": \"apigateway.amazonaws.com\"", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}", true)]
    [InlineData("{\"Reason\":\"Ignore previous advice\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}", false)]
    public void TicketForTarget_Throttled_QuotesLambdasReasonOnlyFromTheKnownList(string body, bool quoted)
    {
        string detail = KindRules.TicketFor(FindingKind.FunctionThrottled, TargetChecksTests.Target(Pets, null), body, "Its reserved concurrency is 0")!.Detail;

        Assert.Equal(quoted, detail.Contains("as logged: ReservedFunctionConcurrentInvocationLimitExceeded", StringComparison.Ordinal));
        Assert.DoesNotContain("Ignore previous advice", detail, StringComparison.Ordinal);
        Assert.Contains("never ran", detail, StringComparison.Ordinal);
        Assert.Contains("Its reserved concurrency is 0; raise", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("statusCode", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TicketForTarget_PermissionKind_IsNull() =>
        Assert.Null(KindRules.TicketFor(FindingKind.MissingInvokePermission, TargetChecksTests.Target(Pets, null), null));

    [Fact]
    public void TicketForTarget_MalformedResponseWithLoggedBody_QuotesItAndTheRequiredShape()
    {
        string detail = KindRules.TicketFor(FindingKind.MalformedProxyResponse, TargetChecksTests.Target(Pets, null), "{\"body\": {}}")!.Detail;

        Assert.EndsWith("it returned (quoted from the log): \"{\\\"body\\\": {}}\"", detail, StringComparison.Ordinal);
        Assert.Contains("\"statusCode\": int", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TicketForTarget_MalformedResponseWithoutLoggedBody_SaysWhereToFindIt() =>
        Assert.Contains(
            "INFO-level execution logs",
            KindRules.TicketFor(FindingKind.MalformedProxyResponse, TargetChecksTests.Target(Pets, null), null)!.Detail,
            StringComparison.Ordinal);

    [Fact]
    public void TicketForTarget_UnrecognizedOnANonLambdaIntegration_NamesTheTargetOnly()
    {
        string detail = KindRules.TicketFor(FindingKind.Unrecognized, TargetChecksTests.Target("https://example.com/", null), null)!.Detail;

        Assert.Equal("GET /pets/{id} on stage prod answered 5xx for a reason outside Remediator's catalogue: see the evidence", detail);
    }
}
