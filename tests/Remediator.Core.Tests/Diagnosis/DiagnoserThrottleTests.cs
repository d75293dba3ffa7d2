using Remediator.Core.Diagnosis;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Diagnosis;

/// <summary>
/// Lambda's throttling answer is not a proxy response, so API Gateway may log it as a malformed one: what Lambda
/// answered (its error-type header, or its exact throttling document) tells, and the function is never told to fix
/// a response it never produced. Only Lambda's own answer counts; text a caller or the function controls does not.
/// </summary>
public class DiagnoserThrottleTests
{
    private const string Id = "(a5e3de30-8d59-11e8-b2f5-9339f1c001b0) ";
    private const string Malformed = Id + "Execution failed due to configuration error: Malformed Lambda proxy response";
    private const string ThrottleBody = "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}";
    private const string Body = Id + "Endpoint response body before transformations: " + ThrottleBody;
    private const string ThrottleHeaders = Id + "Endpoint response headers: {Connection=keep-alive, x-amzn-ErrorType=TooManyRequestsException, Content-Length=104}";
    private const string PlainHeaders = Id + "Endpoint response headers: {Connection=keep-alive, Content-Length=104, X-Amz-Executed-Version=$LATEST}";

    [Theory]
    [InlineData(ThrottleHeaders, Body)]
    [InlineData(ThrottleHeaders, Id + "Endpoint response body before transformations: {\"Message\":\"x\"}")]
    [InlineData(ThrottleHeaders, null)]
    [InlineData(null, Body)]
    public void Diagnose_MalformedResponseLambdaAnsweredAsThrottled_IsThrottling(string? headers, string? body)
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest([.. new[] { body, headers }.OfType<string>(), Malformed]));

        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.FunctionThrottled, finding.Kind);
        Assert.Contains(Malformed, finding.Evidence);
    }

    [Theory]
    [InlineData("headers without the error type, the function's own throttling-shaped body", PlainHeaders, Body)]
    [InlineData("the error type in the request's headers, which the caller sends", Id + "Method request headers: {x-amzn-ErrorType=TooManyRequestsException}", null)]
    [InlineData("the error type in the method response, which the function sets", Id + "Method response headers: {x-amzn-ErrorType=TooManyRequestsException}", null)]
    [InlineData("a body that only resembles Lambda's", null, Id + "Endpoint response body before transformations: {\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"message\":\"Rate Exceeded.\"}")]
    public void Diagnose_MalformedResponseWithoutLambdasThrottlingAnswer_StaysMalformed(string situation, string? headers, string? body)
    {
        _ = situation;
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest([.. new[] { headers, body }.OfType<string>(), Malformed]));

        Assert.Equal(FindingKind.MalformedProxyResponse, Assert.Single(result.Findings).Kind);
    }

    [Fact]
    public void Diagnose_ThrottledAndMalformedRequestsOfOneStage_AreTwoRootCauses()
    {
        const string Other = "(b0b0b0b0-1111-4222-8333-444455556666) ";
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(
            ThrottleHeaders, Malformed,
            Other + "Execution failed due to configuration error: Malformed Lambda proxy response"));

        Assert.Equal([FindingKind.FunctionThrottled, FindingKind.MalformedProxyResponse], result.Findings.Select(f => f.Kind));
    }

    [Fact]
    public void Diagnose_RateExceededLines_AreOneFindingWithBothLinesAsEvidence()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(
            Id + "Lambda invocation failed with status: 429. Lambda request id: dcb2ab89-2d03-4b77-98cd-18d14fd2b850",
            Id + "Execution failed due to configuration error: Rate Exceeded.",
            Id + "Method completed with status: 500"));

        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.FunctionThrottled, finding.Kind);
        Assert.Equal(2, finding.Evidence.Count);
        Assert.Equal(new EventDispositions(2, 1, 0, 0), result.Dispositions);
    }
}
