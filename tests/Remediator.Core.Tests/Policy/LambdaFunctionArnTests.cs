using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class LambdaFunctionArnTests
{
    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets", "aws", "us-east-1", "pets", null)]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:prod", "aws", "us-east-1", "pets", "prod")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:7", "aws", "us-east-1", "pets", "7")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:$LATEST", "aws", "us-east-1", "pets", "$LATEST")]
    [InlineData("arn:aws-cn:lambda:cn-north-1:111122223333:function:my_fn-2", "aws-cn", "cn-north-1", "my_fn-2", null)]
    [InlineData("arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:f", "aws-us-gov", "us-gov-west-1", "f", null)]
    public void Parse_FunctionArn_SplitsParts(string arn, string partition, string region, string name, string? qualifier)
    {
        var result = LambdaFunctionArn.Parse(arn);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(new LambdaFunctionArn(partition, region, "111122223333", name, qualifier), result.Value);
        Assert.Equal(arn, result.Value.Arn);
        Assert.Equal(arn, result.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pets")]
    [InlineData("111122223333:function:pets")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:*")]
    [InlineData("arn:aws:lambda:us-east-1:*:function:pets")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:prod:extra")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:pr*d")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:layer:pets")]
    [InlineData("arn:aws:s3:us-east-1:111122223333:function:pets")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets ")]
    public void Parse_NotAFunctionArn_IsAFailureValue(string? arn) =>
        Assert.False(LambdaFunctionArn.Parse(arn).IsSuccess);

    [Fact]
    public void WithQualifier_ChangesOnlyTheQualifier()
    {
        var function = LambdaFunctionArn.Parse("arn:aws:lambda:us-east-1:111122223333:function:pets:prod").Value!;

        Assert.Equal("arn:aws:lambda:us-east-1:111122223333:function:pets", function.WithQualifier(null).Arn);
        Assert.Equal("arn:aws:lambda:us-east-1:111122223333:function:pets:blue", function.WithQualifier("blue").Arn);
        Assert.Equal("arn:aws:lambda:us-east-1:111122223333:function:pets", function.UnqualifiedArn);
    }
}
