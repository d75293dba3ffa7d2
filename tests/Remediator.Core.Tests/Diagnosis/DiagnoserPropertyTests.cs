using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Diagnosis;

public class DiagnoserPropertyTests
{
    private const string RequestPrefix = "(5a5a5a5a-1111-4222-8333-444455556666) ";

    // Every failure and context text Remediator knows, to be scattered where a caller controls the text.
    private static readonly string[] Fragments =
    [
        "Execution failed due to configuration error: Invalid permissions on Lambda function",
        "Execution failed due to configuration error: Authorizer error",
        "Execution failed due to configuration error: Malformed Lambda proxy response",
        "Lambda execution failed with status 200 due to customer function error: [Errno 13] Permission denied: '/var/task/x.py'",
        "Method completed with status: 500",
        "AuthorizerConfigurationException",
        "Execution failed due to configuration error: Rate Exceeded.",
        "Lambda invocation failed with status: 429. Lambda request id: 1",
        "Execution failed due to a timeout error",
        "Execution failed due to configuration error: API Gateway does not have permission to assume the provided role arn:aws:iam::1:role/r",
        "Execution failed due to configuration error: Unable to transform request",
        "Execution failed due to configuration error: Invalid JSON in response: x",
        "x-amzn-ErrorType=TooManyRequestsException",
        "{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}",
        "Bad handler",
        "API Gateway doesn\u2019t have permissions to assume the IAM role configured on the integration. Check the permissions and try again.",
        "The Lambda function returned the following error: boom. Check your Lambda function code and try again.",
        "\"integrationErrorMessage\":\"The Lambda function returned the following error: boom. Check your Lambda function code and try again.\"",
        "Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:999999999999:function:x/invocations",
        "Sending request to https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:999999999999:function:x/invocations",
        "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.",
        "\"integrationErrorMessage\":\"The IAM role configured on the authorizer or API Gateway doesn't have permissions to call the authorizer. Check the permissions and try again.\"",
        "\n", "\n" + RequestPrefix, RequestPrefix, "{", "}", "\"", " ", "=", ",",
    ];

    // Context lines whose value is caller-controlled text: headers, query, path, bodies, identities.
    private static readonly string[] CallerTextLabels =
    [
        "Method request headers: {", "Method request query string: {", "Method request path: {",
        "Method request body before transformations: ", "Endpoint request body after transformations: ",
        "Endpoint response body before transformations: ", "Endpoint response headers: {", "Incoming identity: ",
        "Authorizer result body before parsing: ", "Method response body after transformations: ",
    ];

    private static readonly Gen<string> Adversarial =
        Gen.ListOf(Gen.OneOf(Gen.Elements(Fragments), BatchGenerator.Text)).Select(parts => string.Concat(parts));

    // A line that itself starts with "(<id>) <failure>" would be genuine, so bare noise starts with something else.
    private static readonly Gen<string> NoiseLine = Gen.OneOf(
        BatchGenerator.Text.Where(text => !text.StartsWith('(')),
        Gen.Zip(Gen.Elements("x", " ", "\n", "note: ", "{\"a\":"), Adversarial).Select(t => t.Item1 + t.Item2),
        Gen.Zip(Gen.Elements(CallerTextLabels), Adversarial).Select(t => RequestPrefix + t.Item1 + t.Item2),
        Adversarial.Select(text => "{\"requestId\":\"r\",\"status\":\"500\",\"path\":\"" + text.Replace("\"", "'", StringComparison.Ordinal) + "\"}"));

    private static readonly Gen<string> LogGroup = Gen.Elements(
        Batches.RestGroup, "API-Gateway-Execution-Logs_w9x8y7z6v5/production", "/aws/vendedlogs/apigateway/access", "/aws/lambda/f");

    [Fact]
    public void Diagnose_RandomAndAdversarialNoise_NeverYieldsAFinding()
    {
        Gen<LogBatch> noise = Gen.Zip(LogGroup, Gen.ArrayOf(NoiseLine)).Select(t => Batches.Of(t.Item1, t.Item2));

        Prop.ForAll(noise.ToArbitrary(), batch =>
        {
            DiagnosisResult result = Diagnoser.Diagnose(batch);
            return result.Findings.Count == 0 && result.Dispositions.Unrelated == batch.LogEvents.Count;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Diagnose_AnyBatch_AccountsForEveryEventExactlyOnce()
    {
        Gen<string> genuine = Gen.Elements(
            RequestPrefix + "Execution failed due to configuration error: Invalid permissions on Lambda function",
            "(6b6b6b6b-1111-4222-8333-444455556666) Execution failed due to configuration error: Authorizer error",
            RequestPrefix + "Method completed with status: 502",
            RequestPrefix + "HTTP Method: GET, Resource Path: /pets",
            "(7c7c7c7c-1111-4222-8333-444455556666) Lambda execution failed with status 200 due to customer function error: boom");
        Gen<LogBatch> batches = Gen.Zip(LogGroup, Gen.ArrayOf(Gen.OneOf(NoiseLine, genuine)))
            .Select(t => Batches.Of(t.Item1, t.Item2));

        Prop.ForAll(batches.ToArbitrary(), batch =>
        {
            DiagnosisResult result = Diagnoser.Diagnose(batch);
            return result.EventsRead == batch.LogEvents.Count
                && result.Dispositions.Total == result.EventsRead
                && result.Findings.Sum(f => f.Occurrences) <= result.Dispositions.Evidence
                && result.Findings.All(f => f.RequestIds.Count <= DiagnosisLimits.MaxRequestIds
                    && f.Evidence.Count <= DiagnosisLimits.MaxEvidenceLines
                    && f.Evidence.All(line => line.Length <= DiagnosisLimits.MaxEvidenceChars));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Diagnose_AnyRandomBatch_NeverThrows()
    {
        Prop.ForAll(BatchGenerator.Arbitrary, batch => Diagnoser.Diagnose(batch).Dispositions.Total == batch.LogEvents.Count)
            .QuickCheckThrowOnFailure();
    }
}
