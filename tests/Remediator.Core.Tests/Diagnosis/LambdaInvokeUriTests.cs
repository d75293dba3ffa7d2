using Remediator.Core.Diagnosis;

namespace Remediator.Core.Tests.Diagnosis;

public class LambdaInvokeUriTests
{
    [Theory]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations", "arn:aws:lambda:us-east-1:123456789012:function:pets")]
    [InlineData("https://lambda.eu-west-2.amazonaws.com/2015-03-31/functions/arn:aws:lambda:eu-west-2:958845080241:function:log-test-1-EchoFunction-175HKORAF18IO/invocations", "arn:aws:lambda:eu-west-2:958845080241:function:log-test-1-EchoFunction-175HKORAF18IO")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets:live/invocations", "arn:aws:lambda:us-east-1:123456789012:function:pets:live")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets:$LATEST/invocations", "arn:aws:lambda:us-east-1:123456789012:function:pets:$LATEST")]
    [InlineData("https://lambda.cn-north-1.amazonaws.com.cn/2015-03-31/functions/arn:aws-cn:lambda:cn-north-1:123456789012:function:pets/invocations", "arn:aws-cn:lambda:cn-north-1:123456789012:function:pets")]
    [InlineData("https://lambda.us-gov-west-1.amazonaws.com/2015-03-31/functions/arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:pets/invocations \r", "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:pets")]
    public void TryGetFunctionArn_LambdaInvokeUri_ReturnsTheArn(string uri, string arn)
    {
        Assert.Equal(arn, LambdaInvokeUri.TryGetFunctionArn(uri));
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/pets/invocations")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:12345678901:function:pets/invocations")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:layer:pets/invocations")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:s3:us-east-1:123456789012:function:pets/invocations")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets:a:b/invocations")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2016-01-01/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations")]
    [InlineData("https://lambda.US-EAST-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations?a=b")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations#x")]
    [InlineData("https://lambda.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations")]
    public void TryGetFunctionArn_AnythingElse_ReturnsNull(string uri)
    {
        Assert.Null(LambdaInvokeUri.TryGetFunctionArn(uri));
    }
}
