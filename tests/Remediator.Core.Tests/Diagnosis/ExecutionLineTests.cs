using Remediator.Core.Diagnosis;

namespace Remediator.Core.Tests.Diagnosis;

public class ExecutionLineTests
{
    [Theory]
    [InlineData("(286364ab-3a83-11e9-8dc8-db3cf4c83204) Method completed with status: 502", "286364ab-3a83-11e9-8dc8-db3cf4c83204", "Method completed with status: 502")]
    [InlineData("(MQPp0FKeoAMFfwg=) Starting execution for request: MQPp0FKeoAMFfwg=", "MQPp0FKeoAMFfwg=", "Starting execution for request: MQPp0FKeoAMFfwg=")]
    [InlineData("(test-request) x", "test-request", "x")]
    [InlineData("(a) ", "a", "")]
    public void TrySplit_PrefixedLine_SplitsRequestIdAndText(string line, string requestId, string text)
    {
        Assert.True(ExecutionLine.TrySplit(line, out ReadOnlySpan<char> id, out ReadOnlySpan<char> rest));
        Assert.Equal(requestId, id.ToString());
        Assert.Equal(text, rest.ToString());
    }

    [Theory]
    [InlineData("(r1) Endpoint response body before transformations: {\"statusCode\": 200}", "{\"statusCode\": 200}")]
    [InlineData("(r1) Endpoint response body before transformations: ", "")]
    [InlineData("(r1) Method request body before transformations: {\"statusCode\": 200}", null)]
    [InlineData("(r1) Execution failed due to configuration error: Malformed Lambda proxy response", null)]
    [InlineData("Endpoint response body before transformations: {}", null)]
    [InlineData("(r1) x Endpoint response body before transformations: {}", null)]
    public void ResponseBody_Line_IsTheBodyOnlyForTheAnchoredResponseBodyLine(string line, string? expected) =>
        Assert.Equal(expected, ExecutionLine.ResponseBody(line));

    [Theory]
    [InlineData("")]
    [InlineData("no prefix")]
    [InlineData("() empty id")]
    [InlineData("(abc)no space")]
    [InlineData("(a b) space in id")]
    [InlineData("(a\"b) quote in id")]
    [InlineData(" (abc) leading space")]
    public void TrySplit_NoValidPrefix_ReturnsFalse(string line)
    {
        Assert.False(ExecutionLine.TrySplit(line, out _, out _));
    }

    [Theory]
    [InlineData("Execution failed due to configuration error: Invalid permissions on Lambda function", nameof(ExecutionLineShape.InvalidPermissions))]
    [InlineData("Execution failed due to configuration error: Invalid permissions on Lambda function \r\n", nameof(ExecutionLineShape.InvalidPermissions))]
    [InlineData("Execution failed due to configuration error: Authorizer error", nameof(ExecutionLineShape.AuthorizerError))]
    [InlineData("Execution failed due to configuration error: Malformed Lambda proxy response", nameof(ExecutionLineShape.MalformedProxyResponse))]
    [InlineData("Execution failed due to configuration error: Output mapping refers to an invalid method response: 200", nameof(ExecutionLineShape.OtherConfigurationError))]
    [InlineData("Execution failed due to configuration error: Invalid permissions on Lambda function and more", nameof(ExecutionLineShape.OtherConfigurationError))]
    [InlineData("Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: 1", nameof(ExecutionLineShape.CustomerFunctionError))]
    [InlineData("Lambda execution failed with status 2000 due to customer function error: boom", nameof(ExecutionLineShape.Other))]
    [InlineData("Lambda execution failed with status due to customer function error: boom", nameof(ExecutionLineShape.Other))]
    [InlineData("AuthorizerConfigurationException", nameof(ExecutionLineShape.AuthorizerConfigurationException))]
    [InlineData("Method completed with status: 500", nameof(ExecutionLineShape.MethodCompleted5xx))]
    [InlineData("Method completed with status: 502", nameof(ExecutionLineShape.MethodCompleted5xx))]
    [InlineData("Method completed with status: 200", nameof(ExecutionLineShape.Other))]
    [InlineData("Method completed with status: 404", nameof(ExecutionLineShape.Other))]
    [InlineData("Method completed with status: 5xx", nameof(ExecutionLineShape.Other))]
    [InlineData("HTTP Method: GET, Resource Path: /pets", nameof(ExecutionLineShape.HttpMethodAndPath))]
    [InlineData("Endpoint request URI: https://lambda.us-east-1.amazonaws.com/", nameof(ExecutionLineShape.EndpointRequestUri))]
    [InlineData("Sending request to https://lambda.us-east-1.amazonaws.com/", nameof(ExecutionLineShape.SendingRequestTo))]
    [InlineData("Endpoint response body before transformations: {}", nameof(ExecutionLineShape.EndpointResponseBody))]
    [InlineData("WebSocket Request Route: [$default]", nameof(ExecutionLineShape.WebSocketRoute))]
    [InlineData("Execution failed due to configuration error: Invalid permissions on Lambda function.", nameof(ExecutionLineShape.InvalidPermissions))]
    [InlineData("Execution failed due to configuration error: Malformed Lambda proxy response.", nameof(ExecutionLineShape.MalformedProxyResponse))]
    [InlineData("Execution failed due to configuration error: Rate Exceeded.", nameof(ExecutionLineShape.RateExceeded))]
    [InlineData("Execution failed due to configuration error: Rate Exceeded", nameof(ExecutionLineShape.RateExceeded))]
    [InlineData("Execution failed due to configuration error: Rate Exceeded. Try later", nameof(ExecutionLineShape.OtherConfigurationError))]
    [InlineData("Execution failed due to configuration error: API Gateway does not have permission to assume the provided role arn:aws:iam::123456789012:role/r", nameof(ExecutionLineShape.RoleNotAssumable))]
    [InlineData("Execution failed due to configuration error: API Gateway does not have permission to assume the provided role ", nameof(ExecutionLineShape.OtherConfigurationError))]
    [InlineData("Execution failed due to configuration error: Unable to transform request", nameof(ExecutionLineShape.MappingTemplateFailure))]
    [InlineData("Execution failed due to configuration error: Unable to transform request.", nameof(ExecutionLineShape.MappingTemplateFailure))]
    [InlineData("Execution failed due to configuration error: Unable to transform response", nameof(ExecutionLineShape.OtherConfigurationError))]
    [InlineData("Execution failed due to configuration error: Invalid JSON in response: Unrecognized field \"errorType\" , not marked as ignorable", nameof(ExecutionLineShape.AuthorizerResponseInvalid))]
    [InlineData("Execution failed due to a timeout error", nameof(ExecutionLineShape.TimeoutError))]
    [InlineData("Execution failed due to a timeout error.", nameof(ExecutionLineShape.TimeoutError))]
    [InlineData("Execution failed due to a timeout error in the function", nameof(ExecutionLineShape.Other))]
    [InlineData("Lambda invocation failed with status: 429. Lambda request id: dcb2ab89-2d03-4b77-98cd-18d14fd2b850", nameof(ExecutionLineShape.LambdaThrottled))]
    [InlineData("Lambda invocation failed with status: 429", nameof(ExecutionLineShape.LambdaThrottled))]
    [InlineData("Lambda invocation failed with status: 4290. Lambda request id: x", nameof(ExecutionLineShape.Other))]
    [InlineData("Lambda invocation failed with status: 403. Lambda request id: x", nameof(ExecutionLineShape.Other))]
    [InlineData("Endpoint response headers: {x-amzn-ErrorType=TooManyRequestsException}", nameof(ExecutionLineShape.EndpointResponseHeaders))]
    [InlineData("Endpoint request headers: {}", nameof(ExecutionLineShape.Other))]
    [InlineData("Extended Request Id: Vwc2MGFUrPEFV_g=", nameof(ExecutionLineShape.Other))]
    [InlineData("", nameof(ExecutionLineShape.Other))]
    public void Classify_DocumentedShapes_AreRecognisedAtTheStartOnly(string text, string shape)
    {
        Assert.Equal(Enum.Parse<ExecutionLineShape>(shape), ExecutionLine.Classify(text));
    }

    [Theory]
    [InlineData("HTTP Method: GET, Resource Path: /pets/42", "GET", "/pets/42")]
    [InlineData("HTTP Method: DELETE, Resource Path: /a, Resource Path: /b", "DELETE", "/a, Resource Path: /b")]
    [InlineData("HTTP Method: PROPFIND, Resource Path: /dav", "PROPFIND", "/dav")]
    public void TryReadMethodAndPath_WellFormed_ReadsMethodAndConcretePath(string text, string method, string path)
    {
        Assert.True(ExecutionLine.TryReadMethodAndPath(text, out string readMethod, out string readPath));
        Assert.Equal((method, path), (readMethod, readPath));
    }

    [Theory]
    [InlineData("HTTP Method: get, Resource Path: /pets")]
    [InlineData("HTTP Method: GET, Resource Path: pets")]
    [InlineData("HTTP Method: GET Resource Path: /pets")]
    [InlineData("HTTP Method: , Resource Path: /pets")]
    public void TryReadMethodAndPath_Malformed_ReturnsFalse(string text)
    {
        Assert.False(ExecutionLine.TryReadMethodAndPath(text, out _, out _));
    }

    [Theory]
    [InlineData("WebSocket Request Route: [$connect]", "$connect")]
    [InlineData("WebSocket Request Route: [sendmessage]", "sendmessage")]
    public void TryReadRouteKey_WellFormed_ReadsRouteKey(string text, string routeKey)
    {
        Assert.True(ExecutionLine.TryReadRouteKey(text, out string read));
        Assert.Equal(routeKey, read);
    }

    [Theory]
    [InlineData("WebSocket Request Route: []")]
    [InlineData("WebSocket Request Route: [$connect")]
    public void TryReadRouteKey_Malformed_ReturnsFalse(string text)
    {
        Assert.False(ExecutionLine.TryReadRouteKey(text, out _));
    }
}
