using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Decisions;

public class ExemptionsTests
{
    private static readonly LambdaFunctionArn Function = LambdaFunctionArn.Parse("arn:aws:lambda:us-east-1:123456789012:function:pets-handler:live").Value!;

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("", true)]
    [InlineData("false", false)]
    [InlineData(" FALSE ", false)]
    public void ByTags_AnyValueButFalse_Exempts(string value, bool exempt)
    {
        Decision? decision = Exemptions.ByTags(Function, new Dictionary<string, string> { ["remediator:exempt"] = value }, "remediator:exempt");

        Assert.Equal(exempt, decision?.Reason == OutcomeReason.Exempted);
    }

    [Fact]
    public void ByTags_OtherTagKey_DoesNotExempt() =>
        Assert.Null(Exemptions.ByTags(Function, new Dictionary<string, string> { ["team"] = "pets" }, "remediator:exempt"));

    [Theory]
    [InlineData(new string[0], new string[0], false)]
    [InlineData(new[] { "pets-*" }, new string[0], false)]
    [InlineData(new[] { "orders-*" }, new string[0], true)]
    [InlineData(new string[0], new[] { "*-handler" }, true)]
    [InlineData(new[] { "pets-*" }, new[] { "pets-handler" }, true)]
    public void ByName_Table(string[] allow, string[] deny, bool exempt)
    {
        Decision? decision = Exemptions.ByName(Function, new FunctionNameFilter(allow, deny));

        Assert.Equal(exempt, decision is { Outcome: RemediationOutcome.Ticket, Reason: OutcomeReason.Exempted });
    }

    [Fact]
    public void TagsUnreadable_IsAnExemptionTicket()
    {
        Decision decision = Exemptions.TagsUnreadable(Function, "AccessDeniedException: no");

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Exempted), (decision.Outcome, decision.Reason));
        Assert.Contains("treated as exempt", decision.Detail, StringComparison.Ordinal);
    }
}
