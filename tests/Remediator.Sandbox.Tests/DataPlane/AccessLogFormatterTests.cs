using Remediator.Sandbox.DataPlane;

namespace Remediator.Sandbox.Tests.DataPlane;

public sealed class AccessLogFormatterTests
{
    [Fact]
    public void Render_KnownUnknownAndEmptyVariables_SubstitutesOrDashes()
    {
        var context = new Dictionary<string, string?> { ["context.requestId"] = "r1", ["context.integration.integrationStatus"] = "", ["context.status"] = "500" };

        var line = AccessLogFormatter.Render("$context.requestId $context.integration.integrationStatus $context.status [$context.unknown]", context);

        Assert.Equal("r1 - 500 [-]", line);
    }

    [Theory]
    [InlineData("arn:aws:logs:us-east-1:000000000000:log-group:/aws/http/api:*", "/aws/http/api")]
    [InlineData("arn:aws:logs:us-east-1:000000000000:log-group:access", "access")]
    [InlineData("arn:aws:firehose:us-east-1:000000000000:deliverystream/x", null)]
    public void GroupName_DestinationArn_ExtractsLogGroup(string arn, string? expected)
    {
        Assert.Equal(expected, AccessLogs.GroupName(arn));
    }

    [Theory]
    [InlineData("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:f:${stageVariables.alias}/invocations", "arn:aws:lambda:us-east-1:000000000000:function:f:live")]
    [InlineData("arn:aws:lambda:us-east-1:000000000000:function:${stageVariables.fn}", "arn:aws:lambda:us-east-1:000000000000:function:")]
    [InlineData("https://example.com/${stageVariables.alias}", null)]
    public void LambdaInvokeCheck_SubstituteAndFunctionArn_ResolveStageVariables(string uri, string? expected)
    {
        var resolved = LambdaInvokeCheck.FunctionArn(LambdaInvokeCheck.Substitute(uri, new Dictionary<string, string> { ["alias"] = "live" }));

        Assert.Equal(expected, resolved);
    }
}
