using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Emulation.Logs;

namespace Remediator.Deployment.Tests.Template;

/// <summary>Which log groups reach Remediator: one account policy (minus its own group) or listed groups.</summary>
public class CoverageTests
{
    private const string OwnLogGroup = "/aws/lambda/remediator-remediator";
    private static readonly SamTemplate Template = SamTemplate.Default;

    [Fact]
    public void AccountPolicy_ByDefault_IsTheOnlyCoverageAndExcludesOwnLogGroup()
    {
        var evaluator = new CfnEvaluator(Template);
        var resources = evaluator.ExpandedResources();

        var policy = Assert.Single(resources, r => r.Type == "AWS::Logs::AccountPolicy");
        Assert.DoesNotContain(resources, r => r.Type is "AWS::Logs::SubscriptionFilter" or "AWS::CloudFormation::Stack");
        var properties = evaluator.Evaluate(policy.Properties)!;
        Assert.Equal("SUBSCRIPTION_FILTER_POLICY", JsonTree.Text(properties["PolicyType"]));
        Assert.Equal("ALL", JsonTree.Text(properties["Scope"]));
        Assert.Equal([OwnLogGroup], ExcludedGroups(JsonTree.Text(properties["SelectionCriteria"])));
    }

    [Fact]
    public void AccountPolicy_WithExtraExclusions_StillExcludesOwnLogGroup()
    {
        var evaluator = new CfnEvaluator(Template, new Dictionary<string, string> { ["ExcludedLogGroups"] = "/aws/lambda/noisy,/ecs/batch" });
        var policy = Assert.Single(evaluator.ExpandedResources(), r => r.Type == "AWS::Logs::AccountPolicy");

        var criteria = JsonTree.Text(evaluator.Evaluate(policy.Properties)!["SelectionCriteria"]);

        Assert.Equal([OwnLogGroup, "/aws/lambda/noisy", "/ecs/batch"], ExcludedGroups(criteria));
    }

    [Fact]
    public void AccountPolicy_OwnLogGroupIsTheFunctionsLogGroup()
    {
        var evaluator = new CfnEvaluator(Template);
        var function = Template.Resource("RemediatorFunction");

        Assert.Equal(OwnLogGroup, JsonTree.Text(evaluator.Evaluate(function.Properties["LoggingConfig"]!["LogGroup"])));
    }

    [Fact]
    public void AccountPolicy_DocumentSendsThePatternToTheFunction()
    {
        var evaluator = new CfnEvaluator(Template);
        var policy = Assert.Single(evaluator.ExpandedResources(), r => r.Type == "AWS::Logs::AccountPolicy");

        var document = JsonNode.Parse(JsonTree.Text(evaluator.Evaluate(policy.Properties)!["PolicyDocument"]))!.AsObject();

        Assert.Equal(["DestinationArn", "FilterPattern", "Distribution"], document.Select(p => p.Key));
        Assert.Equal(JsonTree.Text(evaluator.Evaluate(JsonTree.GetAtt("RemediatorFunction", "Arn"))), JsonTree.Text(document["DestinationArn"]));
        Assert.Equal(JsonTree.Text(Template.Mappings["FailureFilter"]!["Pattern"]!["Raw"]), JsonTree.Text(document["FilterPattern"]));
        Assert.Equal(FilterPatternKind.Terms, FilterPattern.Parse(JsonTree.Text(document["FilterPattern"])).Kind);
    }

    [Fact]
    public void LogGroups_DeployPermissionsThenSubscriptionsAndNoAccountPolicy()
    {
        string[] groups = ["API-Gateway-Execution-Logs_a1b2c3d4e5/prod", "/aws/apigateway/h7k2m9p4q1-access"];
        var evaluator = new CfnEvaluator(Template, new Dictionary<string, string>
        {
            ["Coverage"] = "LogGroups",
            ["SubscribedLogGroups"] = string.Join(',', groups),
        });
        var resources = evaluator.ExpandedResources();

        Assert.DoesNotContain(resources, r => r.Type is "AWS::Logs::AccountPolicy" or "AWS::Logs::SubscriptionFilter");
        Assert.DoesNotContain(resources, r => r.Type == "AWS::Lambda::Permission" && JsonTree.Text(r.Properties["Principal"]) == "logs.amazonaws.com");
        var stacks = resources.Where(r => r.Type == "AWS::CloudFormation::Stack").ToDictionary(r => r.LogicalId);
        Assert.Equal(["LogGroupPermissions", "LogGroupSubscriptions"], stacks.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("LogGroupPermissions", stacks["LogGroupSubscriptions"].DependsOn);
        foreach (var (id, part) in new[] { ("LogGroupPermissions", "permissions"), ("LogGroupSubscriptions", "subscriptions") })
        {
            var properties = evaluator.Evaluate(stacks[id].Properties)!;
            Assert.Equal(SamTemplate.LogGroupCoveragePath, JsonTree.Text(properties["TemplateURL"]));
            var parameters = properties["Parameters"]!.AsObject();
            Assert.Equal(part, JsonTree.Text(parameters["Part"]));
            Assert.Equal(string.Join(',', groups), JsonTree.Text(parameters["LogGroups"]));
            Assert.Equal(JsonTree.Text(evaluator.Evaluate(JsonTree.GetAtt("RemediatorFunction", "Arn"))), JsonTree.Text(parameters["FunctionArn"]));
            Assert.Equal(JsonTree.Text(Template.Mappings["FailureFilter"]!["Pattern"]!["Raw"]), JsonTree.Text(parameters["FilterPattern"]));
            Assert.Equal(
                SamTemplate.LogGroupCoverage.Parameters.Select(p => p.Key).Order(StringComparer.Ordinal),
                parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void LogGroupCoverage_Permissions_NameEachListedGroupAndNoOther()
    {
        string[] groups = ["API-Gateway-Execution-Logs_a1b2c3d4e5/prod", "/aws/apigateway/h7k2m9p4q1-access"];
        var evaluator = Nested("permissions", groups);
        var resources = evaluator.ExpandedResources();

        Assert.All(resources, r => Assert.Equal("AWS::Lambda::Permission", r.Type));
        Assert.Equal(
            groups.Select(g => $"arn:aws:logs:{CfnEvaluator.Region}:{CfnEvaluator.AccountId}:log-group:{g}:*"),
            resources.Select(r => JsonTree.Text(evaluator.Evaluate(r.Properties["SourceArn"]))));
        Assert.All(resources, r =>
        {
            var properties = evaluator.Evaluate(r.Properties)!;
            Assert.Equal("logs.amazonaws.com", JsonTree.Text(properties["Principal"]));
            Assert.Equal("lambda:InvokeFunction", JsonTree.Text(properties["Action"]));
            Assert.Equal(CfnEvaluator.AccountId, JsonTree.Text(properties["SourceAccount"]));
            Assert.Equal(NestedFunctionArn, JsonTree.Text(properties["FunctionName"]));
        });
    }

    [Fact]
    public void LogGroupCoverage_Subscriptions_OnePerListedGroupWithThePattern()
    {
        string[] groups = ["API-Gateway-Execution-Logs_a1b2c3d4e5/prod", "/aws/apigateway/h7k2m9p4q1-access"];
        var evaluator = Nested("subscriptions", groups);
        var filters = evaluator.ExpandedResources();

        Assert.All(filters, f => Assert.Equal("AWS::Logs::SubscriptionFilter", f.Type));
        Assert.Equal(groups, filters.Select(f => JsonTree.Text(evaluator.Evaluate(f.Properties["LogGroupName"]))));
        Assert.Equal(filters.Count, filters.Select(f => f.LogicalId).Distinct().Count());
        Assert.All(filters, f =>
        {
            var properties = evaluator.Evaluate(f.Properties)!;
            Assert.Matches("^[A-Za-z0-9]+$", f.LogicalId);
            Assert.Equal("failures-pattern", JsonTree.Text(properties["FilterPattern"]));
            Assert.Equal(NestedFunctionArn, JsonTree.Text(properties["DestinationArn"]));
        });
    }

    [Fact]
    public void LogGroupCoverage_ListHasNoDefault_SoNoPlaceholderGroupCanBeExpanded()
    {
        var declaration = SamTemplate.LogGroupCoverage.Parameters["LogGroups"]!.AsObject();

        Assert.Equal("CommaDelimitedList", JsonTree.Text(declaration["Type"]));
        Assert.False(declaration.ContainsKey("Default"));
        Assert.Throws<InvalidOperationException>(() => new CfnEvaluator(SamTemplate.LogGroupCoverage, new Dictionary<string, string> { ["Part"] = "permissions" }));
    }

    [Fact]
    public void LogGroups_WithoutAnyGroup_IsRejectedByTheTemplateRule()
    {
        var rule = Template.Root["Rules"]!["LogGroupCoverageNeedsLogGroups"]!;
        var evaluator = new CfnEvaluator(Template, new Dictionary<string, string> { ["Coverage"] = "LogGroups" });
        var listed = new CfnEvaluator(Template, new Dictionary<string, string> { ["Coverage"] = "LogGroups", ["SubscribedLogGroups"] = "g1" });

        Assert.True(evaluator.Evaluate(rule["RuleCondition"])!.GetValue<bool>());
        Assert.False(evaluator.Evaluate(rule["Assertions"]![0]!["Assert"])!.GetValue<bool>());
        Assert.True(listed.Evaluate(rule["Assertions"]![0]!["Assert"])!.GetValue<bool>());
    }

    [Fact]
    public void AccountPolicy_IsAllowedToInvokeTheFunctionFromThisAccountsLogGroups()
    {
        var resource = Assert.Single(Template.ResourcesOfType("AWS::Lambda::Permission"), r => JsonTree.Text(r.Properties["Principal"]) == "logs.amazonaws.com");
        var permission = resource.Properties;

        Assert.Equal("UseAccountPolicy", resource.Condition);
        Assert.Equal("logs.amazonaws.com", JsonTree.Text(permission["Principal"]));
        Assert.Equal("lambda:InvokeFunction", JsonTree.Text(permission["Action"]));
        Assert.Equal("""{"Fn::GetAtt":["RemediatorFunction","Arn"]}""", permission["FunctionName"]!.ToJsonString());
        Assert.Equal("""{"Ref":"AWS::AccountId"}""", permission["SourceAccount"]!.ToJsonString());
        Assert.Equal(
            """{"Fn::Sub":"arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*"}""",
            permission["SourceArn"]!.ToJsonString());
        Assert.Contains("LogsInvokePermission", Template.SingleOfType("AWS::Logs::AccountPolicy").DependsOn);
    }

    private const string NestedFunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:remediator-fn";

    private static CfnEvaluator Nested(string part, string[] groups) => new(SamTemplate.LogGroupCoverage, new Dictionary<string, string>
    {
        ["Part"] = part,
        ["FunctionArn"] = NestedFunctionArn,
        ["LogGroups"] = string.Join(',', groups),
        ["FilterName"] = "remediator-api-gateway-failures",
        ["FilterPattern"] = "failures-pattern",
    });

    // SelectionCriteria reads: LogGroupName NOT IN ["a", "b"]
    private static string[] ExcludedGroups(string criteria)
    {
        const string Prefix = "LogGroupName NOT IN ";
        Assert.StartsWith(Prefix, criteria, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<string[]>(criteria[Prefix.Length..])!;
    }
}
