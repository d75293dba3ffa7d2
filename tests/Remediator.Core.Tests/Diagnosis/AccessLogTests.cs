using Remediator.Core.Diagnosis;

namespace Remediator.Core.Tests.Diagnosis;

public class AccessLogTests
{
    private const string Integration = "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.";
    private const string Authorizer = "The IAM role configured on the authorizer or API Gateway doesn't have permissions to call the authorizer. Check the permissions and try again.";

    [Theory]
    [InlineData("{\"requestId\":\"r1\",\"integrationErrorMessage\":\"" + Integration + "\"}", FindingKind.MissingInvokePermission)]
    [InlineData("{\"requestId\":\"r1\",\"integrationError\":\"" + Integration + "\"}", FindingKind.MissingInvokePermission)]
    [InlineData("{\"requestId\":\"r1\",\"authorizerError\":\"" + Authorizer + "\"}", FindingKind.AuthorizerInvokePermission)]
    [InlineData("{\"requestId\":\"r1\",\"errorMessage\":\"" + Authorizer + "\",\"status\":500}", FindingKind.AuthorizerInvokePermission)]
    [InlineData("{\"requestId\":\"r1\",\"status\":\"500\",\"integrationErrorMessage\":\"Internal error\"}", null)]
    public void JsonTryRead_PermissionTexts_ClassifyByField(string line, FindingKind? kind)
    {
        bool read = JsonAccessLog.TryRead(line, out AccessLogFailure failure);

        Assert.Equal(kind is not null, read);
        if (kind is not null)
        {
            Assert.Equal(kind, failure.Kind);
            Assert.Equal("r1", failure.RequestId);
        }
    }

    [Fact]
    public void JsonTryRead_PlaceholdersAndMissingKeys_AreAbsentValues()
    {
        string line = "{\"requestId\":\"r1\",\"apiId\":\"-\",\"routeKey\":\"-\",\"status\":\"-\",\"extra\":[1,{\"a\":2}],\"integrationErrorMessage\":\"" + Integration[..^1] + "\"}";

        Assert.True(JsonAccessLog.TryRead(line, out AccessLogFailure failure));
        Assert.Equal(new AccessLogFailure(FindingKind.MissingInvokePermission, "r1", null, null, null, null, null), failure);
    }

    [Theory]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /pets/{id} HTTP/1.1\" 500 35 Vw9a1bBBIAMEbBB= " + Integration, "GET", null, "GET /pets/{id}")]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET /pets/42 HTTP/1.1\" 500 35 Vw9a1bBBIAMEbBB= " + Integration, "GET", "/pets/42", null)]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"POST $default HTTP/2.0\" 500 - Vw9a1bBBIAMEbBB= " + Integration + "  ", "POST", null, "$default")]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET - HTTP/1.1\" 500 35 Vw9a1bBBIAMEbBB= " + Integration, "GET", null, null)]
    public void ClfTryRead_ConsoleFormat_ReadsRequestLineAndRequestId(string line, string method, string? path, string? routeKey)
    {
        Assert.True(CommonLogFormat.TryRead(line, out AccessLogFailure failure));
        Assert.Equal(new AccessLogFailure(FindingKind.MissingInvokePermission, "Vw9a1bBBIAMEbBB=", null, null, method, path, routeKey), failure);
    }

    [Theory]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /x HTTP/1.1\" 502 35 r1 " + Authorizer, FindingKind.AuthorizerInvokePermission)]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /x HTTP/1.1\" 500 35 r1 " + Integration, FindingKind.MissingInvokePermission)]
    public void ClfTryRead_EachText_GivesItsKind(string line, FindingKind kind)
    {
        Assert.True(CommonLogFormat.TryRead(line, out AccessLogFailure failure));
        Assert.Equal(kind, failure.Kind);
    }

    [Theory]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /x HTTP/1.1\" 200 35 r1 " + Integration)]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /x HTTP/1.1\" 500 35 r1  " + Integration)]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /x HTTP/1.1\" 500 3a r1 " + Integration)]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /x HTTP/1.1\" 500 35 r\"1 " + Integration)]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"get GET /x HTTP/1.1\" 500 35 r1 " + Integration)]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /x\" 500 35 r1 " + Integration)]
    [InlineData("203.0.113.7 - - 21/Nov/2025:05:34:12 +0000 \"GET GET /x HTTP/1.1\" 500 35 r1 " + Integration)]
    [InlineData("\"GET GET /x HTTP/1.1\" 500 35 r1 " + Integration)]
    [InlineData("203.0.113.7 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /x HTTP/1.1\" 500 35 r1 " + Integration + " extra")]
    public void ClfTryRead_WrongShape_ReturnsFalse(string line)
    {
        Assert.False(CommonLogFormat.TryRead(line, out _));
    }
}
