using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Diagnosis;

/// <summary>
/// Safety rule 2 (docs/ARCHITECTURE.md, "Safety rules" 2): only documented line shapes, anchored right after
/// the request-id prefix, count.
/// Text a caller controls (headers, query, path, bodies) must never create a finding or a function ARN.
/// </summary>
public class DiagnoserForgeryTests
{
    private const string Id = "(0d0d0d0d-1111-4222-8333-444455556666) ";
    private const string Failure = "Execution failed due to configuration error: Invalid permissions on Lambda function";
    private const string FakeUri = "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:999999999999:function:attacker/invocations";
    private const string RealUri = "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets-handler/invocations";

    [Theory]
    [InlineData("rest-forged.json")]
    [InlineData("lambda-log-forged-access-lines.json")]
    [InlineData("http-forged.json")]
    public void Diagnose_ForgedFixture_YieldsNoFindingAndAllEventsUnrelated(string fixture)
    {
        LogBatch batch = Fixtures.Message(fixture);

        DiagnosisResult result = Diagnoser.Diagnose(batch);

        Assert.Empty(result.Findings);
        Assert.Equal(new EventDispositions(0, 0, batch.LogEvents.Count, 0), result.Dispositions);
    }

    [Theory]
    [InlineData(Id + "Method request headers: {X-Note=" + Failure + "}")]
    [InlineData(Id + "Method request query string: {q=" + Failure + "}")]
    [InlineData(Id + "Method request path: {proxy=" + Failure + "}")]
    [InlineData(Id + "HTTP Method: GET, Resource Path: /" + Failure)]
    [InlineData(Id + "Method request body before transformations: " + Failure)]
    [InlineData(Id + "Method request body before transformations: x\n" + Id + Failure)]
    [InlineData(Id + "Endpoint request body after transformations: {\"body\":\"" + Failure + "\"}")]
    [InlineData(Id + "Endpoint response body before transformations: Lambda execution failed with status 200 due to customer function error: boom")]
    [InlineData(Id + "Endpoint response body before transformations: Execution failed due to configuration error: Malformed Lambda proxy response")]
    [InlineData(Id + "Endpoint response headers: {X-Status=Method completed with status: 500}")]
    [InlineData(Id + "Incoming identity: " + Failure)]
    [InlineData(Id + " " + Failure)]
    [InlineData(" " + Id + Failure)]
    [InlineData(Failure)]
    [InlineData("(has space) " + Failure)]
    [InlineData("(" + "0123456789012345678901234567890123456789012345678901234567890123456789" + ") " + Failure)]
    [InlineData(Id + "execution failed due to configuration error: invalid permissions on lambda function")]
    [InlineData(Id + "Method completed with status: 5000")]
    [InlineData(Id + "Method completed with status: 500 (said the header)")]
    [InlineData(Id + "Method request headers: {X-Note=Execution failed due to a timeout error}")]
    [InlineData(Id + "Method request body before transformations: Lambda invocation failed with status: 429")]
    [InlineData(Id + "Endpoint response body before transformations: Execution failed due to configuration error: Rate Exceeded.")]
    [InlineData(Id + "Endpoint response headers: {x-amzn-ErrorType=TooManyRequestsException}")]
    [InlineData(Id + "Endpoint response body before transformations: {\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}")]
    [InlineData(Id + "Method request query string: {role=API Gateway does not have permission to assume the provided role arn:aws:iam::1:role/x}")]
    [InlineData(Id + "Authorizer result body before parsing: Execution failed due to configuration error: Invalid JSON in response: x")]
    [InlineData(Id + "HTTP Method: GET, Resource Path: /Execution failed due to configuration error: Unable to transform request")]
    [InlineData(Id + "Method request body before transformations: Lambda execution failed with status 200 due to customer function error: Bad handler")]
    public void Diagnose_FailureTextOutsideAnAnchoredFailureLine_YieldsNoFinding(string line)
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(line));

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Dispositions.Unrelated);
    }

    [Theory]
    [InlineData("Method request headers: {X-Uri=Endpoint request URI: " + FakeUri + "}")]
    [InlineData("Method request query string: {next=Sending request to " + FakeUri + "}")]
    [InlineData("Endpoint request headers: {X-Forwarded-Uri=" + FakeUri + "}")]
    [InlineData("Method request body before transformations: Endpoint request URI: " + FakeUri)]
    [InlineData("HTTP Method: GET, Resource Path: /Sending request to " + FakeUri)]
    public void Diagnose_FakeInvokeUriInCallerText_GivesNoFunctionArn(string forgedLine)
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(Id + forgedLine, Id + Failure));

        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.MissingInvokePermission, finding.Kind);
        Assert.Null(finding.FunctionArn);
    }

    [Fact]
    public void Diagnose_FakeInvokeUriAfterTheRealOne_KeepsTheRealFunction()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(
            Id + "Endpoint request URI: " + RealUri,
            Id + "Endpoint request headers: {X-Evil=Endpoint request URI: " + FakeUri + "}",
            Id + "Endpoint request body after transformations: Sending request to " + FakeUri,
            Id + "Sending request to " + RealUri,
            Id + Failure));

        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:pets-handler", Assert.Single(result.Findings).FunctionArn);
    }

    [Theory]
    [InlineData("https://lambda.us-east-1.amazonaws.com.evil.example/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations?x=1")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations/../x/invocations")]
    [InlineData("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations")]
    [InlineData("http://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations")]
    [InlineData("https://backend.example.com/https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations")]
    public void Diagnose_InvokeUriOfTheWrongShape_GivesNoFunctionArn(string uri)
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(Id + "Endpoint request URI: " + uri, Id + Failure));

        Assert.Null(Assert.Single(result.Findings).FunctionArn);
    }

    [Fact]
    public void Diagnose_ForgedUriWithRealFailureFixture_HasNoFunctionArn()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Fixtures.Message("rest-forged-uri-with-real-failure.json"));

        Finding finding = Assert.Single(result.Findings);
        Assert.Null(finding.FunctionArn);
        Assert.Equal(new EventDispositions(1, 2, 0, 0), result.Dispositions);
    }

    [Fact]
    public void Diagnose_ExecutionLinesInAnotherLogGroup_AreNotExecutionLogs()
    {
        LogBatch batch = Batches.Of("/aws/lambda/pets-handler", Id + "Endpoint request URI: " + RealUri, Id + Failure);

        Assert.Empty(Diagnoser.Diagnose(batch).Findings);
    }

    [Theory]
    [InlineData("API-Gateway-Execution-Logs_a1b2c3d4e5")]
    [InlineData("API-Gateway-Execution-Logs_/prod")]
    [InlineData("API-Gateway-Execution-Logs_a1b2-c3/prod")]
    [InlineData("API-Gateway-Execution-Logs_a1b2c3d4e5/prod/extra")]
    [InlineData("API-Gateway-Execution-Logs_a1b2c3d4e5/")]
    [InlineData("api-gateway-execution-logs_a1b2c3d4e5/prod")]
    public void Diagnose_MalformedExecutionLogGroup_YieldsNoFinding(string logGroup)
    {
        Assert.Empty(Diagnoser.Diagnose(Batches.Of(logGroup, Id + Failure)).Findings);
    }

    [Theory]
    [InlineData("{\"requestId\":\"r1\",\"status\":\"500\",\"integrationErrorMessage\":\"The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.\",\"integrationErrorMessage\":\"-\"}")]
    [InlineData("{\"requestId\":\"r1\",\"status\":\"200\",\"integrationErrorMessage\":\"The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.\"}")]
    [InlineData("{\"requestId\":\"r1\",\"status\":\"abc\",\"integrationErrorMessage\":\"The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.\"}")]
    [InlineData("{\"requestId\":\"r1\",\"path\":\"/The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.\"}")]
    [InlineData("{\"requestId\":\"r1\",\"integrationErrorMessage\":\"Note: The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.\"}")]
    [InlineData("{\"requestId\":\"r1\",\"integrationErrorMessage\":{\"text\":\"The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.\"}}")]
    [InlineData("[\"The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.\"]")]
    [InlineData("1.2.3.4 - - [21/Nov/2025:05:34:12 +0000] \"GET /The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again. HTTP/1.1\" 404 0 r1 -")]
    [InlineData("1.2.3.4 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /x HTTP/1.1\" 200 0 r1 The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.")]
    [InlineData("1.2.3.4 - - [21/Nov/2025:05:34:12 +0000] \"GET GET /x HTTP/1.1\" 500 0 r1 and The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.")]
    [InlineData("The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.")]
    public void Diagnose_ForgedOrContradictoryAccessLogLine_YieldsNoFinding(string line)
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Of("/aws/vendedlogs/apigateway/access", line));

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Dispositions.Unrelated);
    }
}
