using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class PolicyConstantsTests
{
    // Pinned: these strings are AWS wire values or promises to operators (our statement id prefix).
    [Fact]
    public void Constants_WireValuesAndPrefix_ArePinned()
    {
        Assert.Equal("apigateway.amazonaws.com", PolicyConstants.ApiGatewayPrincipal);
        Assert.Equal("lambda:InvokeFunction", PolicyConstants.InvokeFunctionAction);
        Assert.Equal("AWS:SourceArn", PolicyConstants.SourceArnKey);
        Assert.Equal("AWS:SourceAccount", PolicyConstants.SourceAccountKey);
        Assert.Equal("2012-10-17", PolicyConstants.PolicyVersion);
        Assert.Equal("remediator-", PolicyConstants.StatementIdPrefix);
        Assert.Equal(100, PolicyConstants.MaxStatementIdLength);
    }
}
