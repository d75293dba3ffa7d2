using Remediator.Core.Diagnosis;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Diagnosis;

/// <summary>One finding per root cause per batch, however many events repeat it; samples stay bounded.</summary>
public class DiagnoserCoalescingTests
{
    private const string Failure = "Execution failed due to configuration error: Invalid permissions on Lambda function";
    private const string Uri = "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets-handler/invocations";

    [Fact]
    public void Diagnose_StormOfIdenticalFailures_CoalescesIntoOneBoundedFinding()
    {
        string[] lines = Enumerable.Range(0, 2_000).SelectMany(i => Request(RequestId(i), "GET", "/pets")).ToArray();

        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(lines));

        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(2_000, finding.Occurrences);
        Assert.Equal(Enumerable.Range(0, DiagnosisLimits.MaxRequestIds).Select(RequestId), finding.RequestIds);
        Assert.Single(finding.Evidence);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Batches.Start + 2), finding.FirstTimestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Batches.Start + lines.Length - 1), finding.LastTimestamp);
        Assert.Equal(new EventDispositions(2_000, 4_000, 0, 0), result.Dispositions);
    }

    [Fact]
    public void Diagnose_DifferentPathsAndMethods_AreDifferentRootCauses()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(
        [
            .. Request(RequestId(1), "GET", "/pets/1"),
            .. Request(RequestId(2), "GET", "/pets/2"),
            .. Request(RequestId(3), "DELETE", "/pets/1"),
            .. Request(RequestId(4), "GET", "/pets/1"),
        ]));

        Assert.Equal(
            [("GET", "/pets/1", 2), ("GET", "/pets/2", 1), ("DELETE", "/pets/1", 1)],
            result.Findings.Select(f => (f.HttpMethod!, f.ResourcePath!, f.Occurrences)));
        Assert.Equal(3, result.Findings.Select(f => f.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void Diagnose_SameRouteDifferentPaths_IsOneRootCause()
    {
        const string integration = "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.";
        string[] lines = Enumerable.Range(0, 50)
            .Select(i => $"{{\"requestId\":\"{RequestId(i)}\",\"apiId\":\"h7g6f5e4d3\",\"stage\":\"$default\",\"routeKey\":\"GET /pets/{{id}}\",\"httpMethod\":\"GET\",\"path\":\"/pets/{i}\",\"status\":\"500\",\"integrationErrorMessage\":\"{integration}\"}}")
            .ToArray();

        Finding finding = Assert.Single(Diagnoser.Diagnose(Batches.Of("http-api-access", lines)).Findings);

        Assert.Equal(50, finding.Occurrences);
        Assert.Equal("/pets/0", finding.ResourcePath);
        Assert.Equal(DiagnosisLimits.MaxEvidenceLines, finding.Evidence.Count);
    }

    [Fact]
    public void Diagnose_DifferentKindsOnOnePath_AreDifferentFindings()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(
        [
            .. Request(RequestId(1), "GET", "/pets"),
            $"({RequestId(2)}) HTTP Method: GET, Resource Path: /pets",
            $"({RequestId(2)}) Execution failed due to configuration error: Malformed Lambda proxy response",
        ]));

        Assert.Equal(
            [FindingKind.MissingInvokePermission, FindingKind.MalformedProxyResponse],
            result.Findings.Select(f => f.Kind));
    }

    [Fact]
    public void Diagnose_LongEvidenceLine_IsTruncatedToTheLimit()
    {
        string body = new('b', 5_000);
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(
            $"({RequestId(1)}) Endpoint response body before transformations: {body}",
            $"({RequestId(1)}) Execution failed due to configuration error: Malformed Lambda proxy response"));

        Finding finding = Assert.Single(result.Findings);
        Assert.All(finding.Evidence, line => Assert.True(line.Length <= DiagnosisLimits.MaxEvidenceChars));
        Assert.EndsWith("…", finding.Evidence[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_SameBatchTwice_GivesEqualResultsAndFingerprints()
    {
        var batch = Fixtures.Message("rest-interleaved.json");

        DiagnosisResult first = Diagnoser.Diagnose(batch);
        DiagnosisResult second = Diagnoser.Diagnose(batch);

        Assert.Equal(first, second);
        Assert.Equal(first.Findings.Select(f => f.Fingerprint), second.Findings.Select(f => f.Fingerprint));
    }

    private static string RequestId(int i) => $"00000000-0000-4000-8000-{i:D12}";

    private static string[] Request(string id, string method, string path) =>
    [
        $"({id}) HTTP Method: {method}, Resource Path: {path}",
        $"({id}) Endpoint request URI: {Uri}",
        $"({id}) {Failure}",
    ];
}
