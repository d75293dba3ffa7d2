using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Verification;

public class IntegrationUriTests
{
    private const string Prefix = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/";
    private const string Suffix = "/invocations";

    private static readonly Dictionary<string, string> Variables = new()
    {
        ["fn"] = "pets-blue",
        ["alias"] = "live",
        ["arn"] = "arn:aws:lambda:us-east-1:123456789012:function:whole",
        ["account"] = "999999999999",
        ["bad"] = "x/../y",
        ["empty"] = string.Empty,
    };

    [Theory]
    [InlineData(Prefix + "arn:aws:lambda:us-east-1:123456789012:function:pets" + Suffix, "arn:aws:lambda:us-east-1:123456789012:function:pets")]
    [InlineData(Prefix + "arn:aws:lambda:us-east-1:123456789012:function:pets:7" + Suffix, "arn:aws:lambda:us-east-1:123456789012:function:pets:7")]
    [InlineData(Prefix + "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}" + Suffix, "arn:aws:lambda:us-east-1:123456789012:function:pets-blue")]
    [InlineData(Prefix + "arn:aws:lambda:us-east-1:123456789012:function:pets:${stageVariables.alias}" + Suffix, "arn:aws:lambda:us-east-1:123456789012:function:pets:live")]
    [InlineData(Prefix + "${stageVariables.arn}" + Suffix, "arn:aws:lambda:us-east-1:123456789012:function:whole")]
    [InlineData(Prefix + "arn:aws:lambda:us-east-1:${stageVariables.account}:function:x" + Suffix, "arn:aws:lambda:us-east-1:999999999999:function:x")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:items", "arn:aws:lambda:us-east-1:123456789012:function:items")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}", "arn:aws:lambda:us-east-1:123456789012:function:pets-blue")]
    [InlineData("arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/arn:aws-cn:lambda:cn-north-1:123456789012:function:f/invocations", "arn:aws-cn:lambda:cn-north-1:123456789012:function:f")]
    public void Resolve_LambdaUris_YieldTheFunctionAsInvoked(string uri, string expected)
    {
        UriResolution resolution = IntegrationUri.Resolve(uri, Variables);

        Assert.Equal(UriResolutionStatus.Resolved, resolution.Status);
        Assert.Equal(expected, resolution.Function!.Arn);
    }

    [Fact]
    public void Resolve_StageVariables_AreReportedInOrder()
    {
        UriResolution resolution = IntegrationUri.Resolve(Prefix + "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}:${stageVariables.alias}" + Suffix, Variables);

        Assert.Equal(["fn", "alias"], resolution.StageVariables);
    }

    [Theory]
    [InlineData(null, UriResolutionStatus.NotLambda)]
    [InlineData("", UriResolutionStatus.NotLambda)]
    [InlineData("https://example.com/pets", UriResolutionStatus.NotLambda)]
    [InlineData("arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue", UriResolutionStatus.NotLambda)]
    [InlineData(Prefix + Suffix, UriResolutionStatus.NotLambda)]
    [InlineData(Prefix + "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.missing}" + Suffix, UriResolutionStatus.MissingStageVariable)]
    [InlineData(Prefix + "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.empty}" + Suffix, UriResolutionStatus.MissingStageVariable)]
    [InlineData(Prefix + "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.bad}" + Suffix, UriResolutionStatus.NotFunctionArn)]
    [InlineData(Prefix + "${stageVariables.fn}" + Suffix, UriResolutionStatus.NotFunctionArn)]
    [InlineData(Prefix + "pets" + Suffix, UriResolutionStatus.NotFunctionArn)]
    [InlineData(Prefix + "arn:aws:lambda:us-east-1:123456789012:function:*" + Suffix, UriResolutionStatus.NotFunctionArn)]
    [InlineData(Prefix + "arn:aws:lambda:us-east-1:123456789012:function:${context.x}" + Suffix, UriResolutionStatus.NotFunctionArn)]
    public void Resolve_OtherUris_SayWhy(string? uri, UriResolutionStatus expected)
    {
        UriResolution resolution = IntegrationUri.Resolve(uri, Variables);

        Assert.Equal(expected, resolution.Status);
        Assert.Null(resolution.Function);
        Assert.NotNull(resolution.Problem);
    }
}
