using System.Text;
using Remediator.Aws.Http;

namespace Remediator.Aws.Tests.Http;

public sealed class AwsErrorParserTests
{
    public static TheoryData<string, int, string?, string, string, string, string?> Shapes => new()
    {
        // rest-json (Lambda): code from the header, message from the body.
        { "rest-json header", 404, "ResourceNotFoundException", "{\"Type\":\"User\",\"message\":\"Function not found: arn:aws:lambda:us-east-1:1:function:f\"}", "ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:1:function:f", null },
        // rest-json (API Gateway): header carries a URL suffix.
        { "rest-json header with suffix", 404, "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/", "{\"message\":\"Invalid API identifier specified 1:abc\"}", "NotFoundException", "Invalid API identifier specified 1:abc", null },
        // rest-json without the header: body code.
        { "rest-json body code", 400, null, "{\"code\":\"BadRequestException\",\"message\":\"bad\"}", "BadRequestException", "bad", null },
        // JSON 1.1 (Logs, SSM): namespaced __type.
        { "json 1.1", 400, null, "{\"__type\":\"com.amazonaws.logs#ResourceNotFoundException\",\"message\":\"The specified log group does not exist.\"}", "ResourceNotFoundException", "The specified log group does not exist.", null },
        // JSON 1.0 (DynamoDB): capitalised Message.
        { "json 1.0", 400, null, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"Message\":\"The conditional request failed\"}", "ConditionalCheckFailedException", "The conditional request failed", null },
        // query XML (SNS, STS).
        { "query xml", 404, null, "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error><RequestId>9c1e</RequestId></ErrorResponse>", "NotFound", "Topic does not exist", "9c1e" },
        // Something in front of AWS answered with HTML.
        { "html", 502, null, "<html><body>Bad Gateway</body></html>", "Http502", "<html><body>Bad Gateway</body></html>", null },
        { "empty", 503, null, "", "Http503", "", null },
        { "not json", 500, null, "oops", "Http500", "oops", null },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Parse_ErrorShape_ExtractsCodeMessageAndRequestId(string shape, int status, string? errorType, string body, string code, string message, string? requestId)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (errorType is not null)
        {
            headers["X-Amzn-Errortype"] = errorType;
        }

        var error = AwsErrorParser.Parse("svc", "Op", status, headers, Encoding.UTF8.GetBytes(body));

        Assert.True(code == error.ErrorCode, shape);
        Assert.Equal(message, error.ServiceMessage);
        Assert.Equal(requestId, error.RequestId);
        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public void Parse_RequestIdHeader_WinsOverBody()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-amzn-RequestId"] = "hdr" };

        var error = AwsErrorParser.Parse("sns", "Publish", 400, headers, "<ErrorResponse><Error><Code>InvalidParameter</Code></Error><RequestId>body</RequestId></ErrorResponse>"u8);

        Assert.Equal("hdr", error.RequestId);
        Assert.Equal("InvalidParameter", error.ErrorCode);
    }

    [Theory]
    [InlineData("com.amazonaws.ssm#OpsItemAlreadyExistsException", "OpsItemAlreadyExistsException")]
    [InlineData("NotFoundException:http://internal.amazon.com/x", "NotFoundException")]
    [InlineData("  Throttling ", "Throttling")]
    [InlineData("", null)]
    public void CleanCode_Decorated_ReturnsBareCode(string raw, string? expected)
    {
        Assert.Equal(expected, AwsErrorParser.CleanCode(raw));
    }
}
