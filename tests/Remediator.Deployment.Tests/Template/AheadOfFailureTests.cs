using System.Text.Json.Nodes;
using Remediator.Core.Intake;

namespace Remediator.Deployment.Tests.Template;

/// <summary>The EventBridge rule on CloudTrail's API Gateway records, the sweep's schedule, and who may invoke the function for them.</summary>
public class AheadOfFailureTests
{
    private static readonly SamTemplate Template = SamTemplate.Default;

    [Fact]
    public void DeploymentRule_MatchesExactlyTheCallsTheReaderAudits()
    {
        var rule = Template.Resource("DeploymentEventRule");
        JsonNode pattern = rule.Properties["EventPattern"]!;

        Assert.Equal("UseDeploymentEvents", rule.Condition);
        Assert.Equal(["aws.apigateway"], Strings(pattern["source"]));
        Assert.Equal([EventBridgeEventReader.CloudTrailDetailType], Strings(pattern["detail-type"]));
        Assert.Equal(["apigateway.amazonaws.com"], Strings(pattern["detail"]!["eventSource"]));
        // CfnYaml reads every scalar as text; the template writes the YAML booleans EventBridge needs.
        Assert.Equal("""[{"exists":"false"}]""", pattern["detail"]!["errorCode"]!.ToJsonString());
        JsonArray either = pattern["detail"]!["$or"]!.AsArray();
        Assert.Equal(2, either.Count);
        Assert.Equal(EventBridgeEventReader.RestEventNames.Order(StringComparer.Ordinal), Strings(either[0]!["eventName"]).Order(StringComparer.Ordinal));
        Assert.Equal("""{"restApiId":[{"exists":"true"}]}""", either[0]!["requestParameters"]!.ToJsonString());
        Assert.Equal(EventBridgeEventReader.V2EventNames.Order(StringComparer.Ordinal), Strings(either[1]!["eventName"]).Order(StringComparer.Ordinal));
        Assert.Equal("""{"apiId":[{"exists":"true"}]}""", either[1]!["requestParameters"]!.ToJsonString());
        Assert.Equal("""[{"Id":"remediator","Arn":{"Fn::GetAtt":["RemediatorFunction","Arn"]}}]""", rule.Properties["Targets"]!.ToJsonString());
    }

    [Theory]
    [InlineData("DeploymentEventPermission", "DeploymentEventRule", "UseDeploymentEvents")]
    [InlineData("SweepPermission", "SweepRule", "HasSweep")]
    public void RulePermission_LetsOnlyItsRuleInvokeTheFunction(string permissionId, string ruleId, string condition)
    {
        var permission = Template.Resource(permissionId);

        Assert.Equal(condition, permission.Condition);
        Assert.Equal(condition, Template.Resource(ruleId).Condition);
        Assert.Equal("events.amazonaws.com", JsonTree.Text(permission.Properties["Principal"]));
        Assert.Equal("lambda:InvokeFunction", JsonTree.Text(permission.Properties["Action"]));
        Assert.Equal($$"""{"Fn::GetAtt":["{{ruleId}}","Arn"]}""", permission.Properties["SourceArn"]!.ToJsonString());
        Assert.Equal("""{"Fn::GetAtt":["RemediatorFunction","Arn"]}""", permission.Properties["FunctionName"]!.ToJsonString());
    }

    [Fact]
    public void Sweep_RunsEverySixHoursByDefault()
    {
        var evaluator = new CfnEvaluator(Template);
        var sweep = Assert.Single(evaluator.ExpandedResources(), r => r.LogicalId == "SweepRule");

        Assert.Equal("rate(6 hours)", JsonTree.Text(evaluator.Evaluate(sweep.Properties["ScheduleExpression"])));
        Assert.Contains(evaluator.ExpandedResources(), r => r.LogicalId == "DeploymentEventRule");
    }

    [Theory]
    [InlineData("SweepSchedule", "none", "SweepRule", "SweepPermission")]
    [InlineData("DeploymentEvents", "off", "DeploymentEventRule", "DeploymentEventPermission")]
    public void TurnedOff_LeavesNeitherRuleNorPermission(string parameter, string value, string ruleId, string permissionId)
    {
        var resources = new CfnEvaluator(Template, new Dictionary<string, string> { [parameter] = value }).ExpandedResources();

        Assert.DoesNotContain(resources, r => r.LogicalId == ruleId || r.LogicalId == permissionId);
    }

    [Theory]
    [InlineData("rate(6 hours)", true)]
    [InlineData("cron(0 */6 * * ? *)", true)]
    [InlineData("none", true)]
    [InlineData("every 6 hours", false)]
    [InlineData("", false)]
    public void SweepSchedule_AcceptsScheduleExpressionsAndNone(string value, bool accepted)
    {
        string pattern = JsonTree.Text(Template.Parameters["SweepSchedule"]!["AllowedPattern"]);

        Assert.Equal(accepted, System.Text.RegularExpressions.Regex.IsMatch(value, pattern));
    }

    private static string[] Strings(JsonNode? node) => [.. node!.AsArray().Select(n => JsonTree.Text(n))];
}
