using System.Text.Json.Nodes;
using Remediator.Deployment.Tests.Template;

namespace Remediator.Deployment.Tests.Organization;

/// <summary>
/// One alert topic for the organization: with <c>AlertTopicArn</c> the stack creates no topic, publishes to that one
/// (its function's topic variable, its role's grant, its output) and subscribes nothing; with
/// <c>AlertTopicKmsKeyArn</c> its role may use that key for that topic's messages only.
/// </summary>
public class CentralTopicTemplateTests
{
    private const string CentralTopic = "arn:aws:sns:us-east-1:111122223333:remediator-alerts";
    private const string CentralKey = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static readonly SamTemplate Template = SamTemplate.Default;

    private static Dictionary<string, string> Central(string? key = null) =>
        key is null ? new() { ["AlertTopicArn"] = CentralTopic } : new() { ["AlertTopicArn"] = CentralTopic, ["AlertTopicKmsKeyArn"] = key };

    [Fact]
    public void WithoutAlertTopicArn_TheStackCreatesItsOwnTopicAndPublishesThere()
    {
        var evaluator = new CfnEvaluator(Template);
        string own = $"arn:aws:sns:{CfnEvaluator.Region}:{CfnEvaluator.AccountId}:NotificationTopic";

        Assert.Contains(evaluator.ExpandedResources(), r => r.Type == "AWS::SNS::Topic");
        Assert.Equal(own, TopicVariable(evaluator));
        Assert.Equal([own], PublishResources(evaluator, []));
        Assert.Equal(own, JsonTree.Text(evaluator.Evaluate(Template.Outputs["NotificationTopicArn"]!["Value"])));
    }

    [Fact]
    public void WithAlertTopicArn_TheStackCreatesNoTopicAndPublishesToTheCentralOne()
    {
        var evaluator = new CfnEvaluator(Template, Central());
        var resources = evaluator.ExpandedResources();

        Assert.DoesNotContain(resources, r => r.Type is "AWS::SNS::Topic" or "AWS::SNS::Subscription");
        Assert.Equal(CentralTopic, TopicVariable(evaluator));
        Assert.Equal([CentralTopic], PublishResources(evaluator, Central()));
        Assert.Equal(CentralTopic, JsonTree.Text(evaluator.Evaluate(Template.Outputs["NotificationTopicArn"]!["Value"])));

        // Nothing left refers to the topic that is not created.
        Assert.All(resources, r => Assert.DoesNotContain("NotificationTopic", evaluator.Evaluate(r.Body)!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public void WithAlertTopicArn_AnEmailSubscriptionIsRefusedByARule()
    {
        // CloudFormation checks Rules before it creates anything: the central topic's subscriptions are its owner's.
        var rule = Template.Section("Rules")["CentralTopicIsSubscribedByItsOwner"]!;

        Assert.Equal("""{"Fn::Not":[{"Fn::Equals":[{"Ref":"AlertTopicArn"},""]}]}""", rule["RuleCondition"]!.ToJsonString());
        Assert.Equal("""{"Fn::Equals":[{"Ref":"NotificationEmail"},""]}""", rule["Assertions"]![0]!["Assert"]!.ToJsonString());
        Assert.False(new CfnEvaluator(Template, new Dictionary<string, string> { ["AlertTopicArn"] = CentralTopic, ["NotificationEmail"] = "ops@example.com" }).IsTrue("SubscribesEmail"));
        Assert.Equal(
            """{"Fn::Not":[{"Fn::Equals":[{"Ref":"AlertTopicArn"},""]}]}""",
            Template.Section("Rules")["TopicKeyNeedsCentralTopic"]!["Assertions"]![0]!["Assert"]!.ToJsonString());
    }

    [Fact]
    public void WithoutAKey_TheRoleHasNoKmsAction()
    {
        Assert.DoesNotContain(PolicyStatement.IdentityStatements(Template, Central()).SelectMany(s => s.Actions), a => a.StartsWith("kms:", StringComparison.Ordinal));
        Assert.DoesNotContain(PolicyStatement.IdentityStatements(Template).SelectMany(s => s.Actions), a => a.StartsWith("kms:", StringComparison.Ordinal));
    }

    [Fact]
    public void WithAKey_TheRoleMayEncryptOnlyTheCentralTopicsMessagesWithIt()
    {
        var evaluator = new CfnEvaluator(Template, Central(CentralKey));
        var statement = Assert.Single(PolicyStatement.IdentityStatements(Template, Central(CentralKey)), s => s.Actions.Any(a => a.StartsWith("kms:", StringComparison.Ordinal)));

        // What an SNS publisher needs on a topic encrypted with a customer managed key (Amazon SNS Developer Guide).
        Assert.Equal("Allow", statement.Effect);
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey*"], statement.Actions.Order(StringComparer.Ordinal));
        Assert.Equal(CentralKey, JsonTree.Text(evaluator.Evaluate(Assert.Single(statement.Resources))));
        var condition = Assert.IsType<JsonObject>(evaluator.Evaluate(statement.Condition));
        Assert.Equal($$$"""{"StringEquals":{"kms:EncryptionContext:aws:sns:topicArn":"{{{CentralTopic}}}"}}""", condition.ToJsonString());
    }

    [Theory]
    [InlineData("AlertTopicArn", "", true)]
    [InlineData("AlertTopicArn", CentralTopic, true)]
    [InlineData("AlertTopicArn", "arn:aws:sns:eu-west-1:111122223333:alerts.fifo", true)]
    [InlineData("AlertTopicArn", "arn:aws:sns:us-east-1:1111:alerts", false)]
    [InlineData("AlertTopicArn", "arn:aws:sqs:us-east-1:111122223333:alerts", false)]
    [InlineData("AlertTopicArn", "*", false)]
    [InlineData("AlertTopicKmsKeyArn", CentralKey, true)]
    [InlineData("AlertTopicKmsKeyArn", "alias/aws/sns", false)]
    [InlineData("AlertTopicKmsKeyArn", "*", false)]
    public void Parameter_AllowedPattern_TakesOnlyItsArnShape(string parameter, string value, bool allowed)
    {
        string pattern = JsonTree.Text(Template.Parameters[parameter]!["AllowedPattern"]);

        Assert.Equal("", JsonTree.Text(Template.Parameters[parameter]!["Default"]));
        Assert.Equal(allowed, System.Text.RegularExpressions.Regex.IsMatch(value, pattern));
    }

    private static string TopicVariable(CfnEvaluator evaluator) =>
        JsonTree.Text(evaluator.Evaluate(Template.Resource("RemediatorFunction").Properties["Environment"]!["Variables"]!["REMEDIATOR_TOPIC_ARN"]));

    private static List<string> PublishResources(CfnEvaluator evaluator, Dictionary<string, string> parameters) =>
        [.. PolicyStatement.IdentityStatements(Template, parameters).Where(s => s.Actions.Contains("sns:Publish")).SelectMany(s => s.Resources).Select(r => JsonTree.Text(evaluator.Evaluate(r)))];
}
