using Remediator.Core.Diagnosis;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Diagnosis;

/// <summary>A 5xx or an uncatalogued failure line with none of the catalogued causes: notify only, with evidence.</summary>
public class DiagnoserUnrecognizedTests
{
    private const string Id = "(9f9f9f9f-1111-4222-8333-444455556666) ";

    [Fact]
    public void Diagnose_AuthorizerErrorAlone_IsUnrecognizedWithAllFailureLines()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(
            Id + "Starting authorizer: q8togz for request: 9f9f9f9f-1111-4222-8333-444455556666",
            Id + "Execution failed due to configuration error: Output mapping refers to an invalid method response: 200",
            Id + "Execution failed due to configuration error: Authorizer error",
            Id + "AuthorizerConfigurationException"));

        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.Unrecognized, finding.Kind);
        Assert.Equal(3, finding.Evidence.Count);
        Assert.EndsWith("Authorizer error", finding.Evidence[1], StringComparison.Ordinal);
        Assert.Equal(new EventDispositions(3, 1, 0, 0), result.Dispositions);
    }

    [Fact]
    public void Diagnose_Only5xxCompletion_IsUnrecognizedWithTheFunctionHint()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(
            Id + "HTTP Method: GET, Resource Path: /slow",
            Id + "Sending request to https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:slow/invocations",
            Id + "Method completed with status: 504"));

        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.Unrecognized, finding.Kind);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:slow", finding.FunctionArn);
        Assert.EndsWith("Method completed with status: 504", Assert.Single(finding.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_CataloguedFailureWith5xx_CountsTheCompletionAsContext()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Batches.Rest(
            Id + "Execution failed due to configuration error: Malformed Lambda proxy response",
            Id + "Method completed with status: 502"));

        Assert.Equal(FindingKind.MalformedProxyResponse, Assert.Single(result.Findings).Kind);
        Assert.Equal(new EventDispositions(1, 1, 0, 0), result.Dispositions);
    }

    [Theory]
    [InlineData("Method completed with status: 200")]
    [InlineData("Method completed with status: 403")]
    [InlineData("Successfully completed execution")]
    public void Diagnose_HealthyOrClientErrorCompletion_YieldsNoFinding(string line)
    {
        Assert.Empty(Diagnoser.Diagnose(Batches.Rest(Id + line)).Findings);
    }
}
