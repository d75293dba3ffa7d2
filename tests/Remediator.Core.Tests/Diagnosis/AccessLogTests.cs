using Remediator.Core.Diagnosis;

namespace Remediator.Core.Tests.Diagnosis;

public class AccessLogTests
{
    private const string Integration = "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.";
    private const string Authorizer = "The IAM role configured on the authorizer or API Gateway doesn't have permissions to call the authorizer. Check the permissions and try again.";

    private const string Role = "API Gateway doesn't have permissions to assume the IAM role configured on the integration. Check the permissions and try again.";
    private const string FunctionError = "The Lambda function returned the following error: RequestId: 01fe3839-4974-40d5-960a-173fcb5ec786 Error: Task timed out after 5.00 seconds. Check your Lambda function code and try again.";
    private const string Clf = "104.129.198.74 - - [24/Jan/2023:17:52:06 +0000] \"POST POST /start-step-function HTTP/1.1\" 500 35 fQke_hDCDoEEMpw= ";

    // Each documented text in each typographic variant real lines show: straight or typographic apostrophe, with or without the final period.
    public static TheoryData<string, FindingKind> TextVariants()
    {
        var data = new TheoryData<string, FindingKind>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string text, FindingKind kind) in new[]
        {
            (Integration, FindingKind.MissingInvokePermission), (Authorizer, FindingKind.AuthorizerInvokePermission),
            (Role, FindingKind.CredentialsRoleNotAssumable), (FunctionError, FindingKind.FunctionError),
        })
        {
            foreach (string apostrophe in new[] { "'", "\u2019" })
            {
                // A text without an apostrophe (the function-error frame) has one variant per final period only.
                string variant = text.Replace("'", apostrophe, StringComparison.Ordinal);
                foreach (string line in new[] { variant, variant[..^1] }.Where(seen.Add))
                {
                    data.Add(line, kind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextVariants))]
    public void JsonTryRead_TypographicVariant_GivesTheTextsKind(string text, FindingKind kind)
    {
        Assert.True(JsonAccessLog.TryRead("{\"requestId\":\"r1\",\"status\":\"500\",\"integrationErrorMessage\":\"" + text + "\"}", out AccessLogFailure failure));
        Assert.Equal(kind, failure.Kind);
    }

    [Theory]
    [MemberData(nameof(TextVariants))]
    public void ClfTryRead_TypographicVariant_GivesTheTextsKind(string text, FindingKind kind)
    {
        Assert.True(CommonLogFormat.TryRead(Clf + text, out AccessLogFailure failure));
        Assert.Equal(new AccessLogFailure(kind, "fQke_hDCDoEEMpw=", null, null, "POST", null, "POST /start-step-function"), failure);
    }

    [Theory]
    [InlineData("errorMessage")]
    [InlineData("authorizerError")]
    public void JsonTryRead_FunctionErrorFrameOutsideIntegrationErrorMessage_IsNotEvidence(string field) =>
        Assert.False(JsonAccessLog.TryRead("{\"requestId\":\"r1\",\"status\":\"500\",\"" + field + "\":\"" + FunctionError + "\"}", out _));

    [Theory]
    [InlineData("The Lambda function returned the following error: x. The Lambda function returned the following error: y. Check your Lambda function code and try again.")]
    [InlineData("The Lambda function returned the following error: x.")]
    [InlineData("The Lambda function returned the following error:Check your Lambda function code and try again.")]
    [InlineData("Error: The Lambda function returned the following error: x. Check your Lambda function code and try again.")]
    [InlineData("The Lambda function returned the following error: x. Check your Lambda function code and try again. Or not.")]
    public void JsonTryRead_BrokenFunctionErrorFrame_IsNotEvidence(string message) =>
        Assert.False(JsonAccessLog.TryRead("{\"requestId\":\"r1\",\"status\":\"500\",\"integrationErrorMessage\":\"" + message + "\"}", out _));

    [Fact]
    public void ClfTryRead_FunctionMessageRepeatingTheFrame_IsNotEvidence() =>
        Assert.False(CommonLogFormat.TryRead(
            Clf + "The Lambda function returned the following error: 500 35 r2 The Lambda function returned the following error: x. Check your Lambda function code and try again.",
            out _));

    [Fact]
    public void JsonTryRead_FunctionErrorWithHealthyStatus_IsNotEvidence() =>
        Assert.False(JsonAccessLog.TryRead("{\"requestId\":\"r1\",\"status\":\"200\",\"integrationErrorMessage\":\"" + FunctionError + "\"}", out _));

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
