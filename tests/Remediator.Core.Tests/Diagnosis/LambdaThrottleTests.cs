using Remediator.Core.Diagnosis;

namespace Remediator.Core.Tests.Diagnosis;

public class LambdaThrottleTests
{
    [Theory]
    [InlineData("Connection=keep-alive, x-amzn-RequestId=a5e453c2-8d59-11e8-bf58-f5dde8cf91a3, x-amzn-ErrorType=TooManyRequestsException, Content-Length=104}", true)]
    [InlineData("x-amzn-ErrorType=TooManyRequestsException, Date=Sun, 22 Jul 2018 02:48:00 GMT}", true)]
    [InlineData("Date=Sun, 22 Jul 2018 02:48:00 GMT, X-Amzn-Errortype=TooManyRequestsException}", true)]
    [InlineData("Content-Length=104, x-amzn-ErrorType=TooManyRequestsException", true)]
    [InlineData("Content-Length=104, x-amzn-ErrorType=ServiceException}", false)]
    [InlineData("Content-Length=104, x-amzn-ErrorType=TooManyRequestsExceptionally}", false)]
    [InlineData("Via=x-amzn-ErrorType=TooManyRequestsException}", false)]
    [InlineData("X-Foo-x-amzn-ErrorType=TooManyRequestsException}", false)]
    [InlineData("}", false)]
    public void HeadersSayThrottled_Entry_CountsOnlyAsAWholeHeader(string map, bool expected) =>
        Assert.Equal(expected, LambdaThrottle.HeadersSayThrottled(map));

    [Theory]
    [InlineData("{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}", "ReservedFunctionConcurrentInvocationLimitExceeded")]
    [InlineData("\n{\n    \"Reason\": \"ConcurrentInvocationLimitExceeded\",\n    \"Type\": \"User\",\n    \"message\": \"Rate Exceeded.\"\n}\n", "ConcurrentInvocationLimitExceeded")]
    [InlineData("{\"message\":\"Rate Exceeded.\",\"Type\":\"User\",\"Reason\":\"CallerRateLimitExceeded\"}", "CallerRateLimitExceeded")]
    [InlineData("{\"Reason\":\"SomethingElse\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}", null)]
    [InlineData("{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"Service\",\"message\":\"Rate Exceeded.\"}", null)]
    [InlineData("{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Slow down\"}", null)]
    [InlineData("{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\",\"statusCode\":429}", null)]
    [InlineData("{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Reason\":\"x\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}", null)]
    [InlineData("{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"} [TRUNCATED]", null)]
    [InlineData("{\"Reason\":\"ConcurrentInvocation [TRUNCATED]", null)]
    [InlineData("\"Bad response\"", null)]
    [InlineData("", null)]
    public void ReasonOf_Body_IsTheReasonOnlyOfLambdasExactThrottlingDocument(string body, string? reason) =>
        Assert.Equal(reason, LambdaThrottle.ReasonOf(body));
}
