using Remediator.Lambda.Runtime;

namespace Remediator.Lambda.Tests.Runtime;

public class RuntimeApiConstantsTests
{
    // Pinned: these are the Runtime API's wire names; a typo here breaks every invocation in Lambda.
    [Fact]
    public void WireNames_ArePinned()
    {
        Assert.Equal("AWS_LAMBDA_RUNTIME_API", RuntimeApiConstants.RuntimeApiVariable);
        Assert.Equal("_X_AMZN_TRACE_ID", RuntimeApiConstants.TraceIdVariable);
        Assert.Equal("Lambda-Runtime-Aws-Request-Id", RuntimeApiConstants.RequestIdHeader);
        Assert.Equal("Lambda-Runtime-Deadline-Ms", RuntimeApiConstants.DeadlineHeader);
        Assert.Equal("Lambda-Runtime-Invoked-Function-Arn", RuntimeApiConstants.FunctionArnHeader);
        Assert.Equal("Lambda-Runtime-Trace-Id", RuntimeApiConstants.TraceIdHeader);
        Assert.Equal("Lambda-Runtime-Function-Error-Type", RuntimeApiConstants.ErrorTypeHeader);
        Assert.Equal("application/vnd.aws.lambda.error+json", RuntimeApiConstants.ErrorContentType);
    }

    [Fact]
    public void Paths_ArePinned()
    {
        Assert.Equal("/2018-06-01/runtime/invocation/next", RuntimeApiConstants.NextPath);
        Assert.Equal("/2018-06-01/runtime/init/error", RuntimeApiConstants.InitErrorPath);
        Assert.Equal("/2018-06-01/runtime/invocation/abc-1/response", RuntimeApiConstants.ResponsePath("abc-1"));
        Assert.Equal("/2018-06-01/runtime/invocation/abc-1/error", RuntimeApiConstants.ErrorPath("abc-1"));
    }

    [Fact]
    public void ResponsePath_EscapesTheRequestId()
    {
        Assert.Equal("/2018-06-01/runtime/invocation/a%2Fb%20c/response", RuntimeApiConstants.ResponsePath("a/b c"));
    }
}
