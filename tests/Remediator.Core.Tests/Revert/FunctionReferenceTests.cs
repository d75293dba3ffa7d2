using Remediator.Core.Policy;
using Remediator.Core.Revert;

namespace Remediator.Core.Tests.Revert;

public class FunctionReferenceTests
{
    private const string Account = "123456789012";

    [Theory]
    [InlineData("pets", null, "us-east-1", "arn:aws:lambda:us-east-1:123456789012:function:pets")]
    [InlineData("pets", "live", "us-east-1", "arn:aws:lambda:us-east-1:123456789012:function:pets:live")]
    [InlineData("pets", "7", "cn-north-1", "arn:aws-cn:lambda:cn-north-1:123456789012:function:pets:7")]
    [InlineData("arn:aws:lambda:eu-west-1:210987654321:function:orders", null, "us-east-1", "arn:aws:lambda:eu-west-1:210987654321:function:orders")]
    [InlineData("arn:aws:lambda:eu-west-1:210987654321:function:orders:live", null, "us-east-1", "arn:aws:lambda:eu-west-1:210987654321:function:orders:live")]
    [InlineData("arn:aws:lambda:eu-west-1:210987654321:function:orders:live", "live", "us-east-1", "arn:aws:lambda:eu-west-1:210987654321:function:orders:live")]
    [InlineData("arn:aws:lambda:eu-west-1:210987654321:function:orders", "3", "us-east-1", "arn:aws:lambda:eu-west-1:210987654321:function:orders:3")]
    public void Resolve_NameOrArn_IsTheFullArnWithQualifier(string function, string? qualifier, string region, string expected)
    {
        Result<LambdaFunctionArn, string> resolved = FunctionReference.Resolve(function, qualifier, Account, region);

        Assert.True(resolved.IsSuccess, resolved.Error);
        Assert.Equal(expected, resolved.Value.Arn);
    }

    [Theory]
    [InlineData("pets", "a b", "is not a version or alias name")]
    [InlineData("pets*", null, "neither a function name nor a full function ARN")]
    [InlineData("123456789012:function:pets", null, "neither a function name")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:pets:live", "7", "names qualifier live and --qualifier says 7")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:layer:pets", null, "is not a Lambda function ARN")]
    public void Resolve_UnusableInput_SaysWhy(string function, string? qualifier, string expected)
    {
        Result<LambdaFunctionArn, string> resolved = FunctionReference.Resolve(function, qualifier, Account, "us-east-1");

        Assert.False(resolved.IsSuccess);
        Assert.Contains(expected, resolved.Error, StringComparison.Ordinal);
    }
}
