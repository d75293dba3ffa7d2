using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;

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
}
