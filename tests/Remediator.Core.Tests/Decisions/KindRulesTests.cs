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
