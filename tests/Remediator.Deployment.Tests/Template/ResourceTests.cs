using System.Text.Json.Nodes;

namespace Remediator.Deployment.Tests.Template;

/// <summary>Encryption, the ledger schema, alarms and outputs.</summary>
public class ResourceTests
{
    private static readonly SamTemplate Template = SamTemplate.Default;

    [Fact]
    public void Topic_IsEncryptedWithTheSnsManagedKey()
    {
        var topic = Template.SingleOfType("AWS::SNS::Topic");

        Assert.Equal("alias/aws/sns", JsonTree.Text(topic.Properties["KmsMasterKeyId"]));
    }

    [Fact]
    public void EmailSubscription_ExistsOnlyWhenAnAddressIsGiven()
    {
        var subscription = Template.SingleOfType("AWS::SNS::Subscription");

        Assert.Equal("SubscribesEmail", subscription.Condition);
        Assert.Equal("email", JsonTree.Text(subscription.Properties["Protocol"]));
        Assert.Equal("""{"Ref":"NotificationEmail"}""", subscription.Properties["Endpoint"]!.ToJsonString());
        Assert.False(new CfnEvaluator(Template).IsTrue("SubscribesEmail"));
        Assert.True(new CfnEvaluator(Template, new Dictionary<string, string> { ["NotificationEmail"] = "ops@example.com" }).IsTrue("SubscribesEmail"));
    }

    [Fact]
    public void DeadLetterQueue_IsEncryptedAndKeepsMessagesTwoWeeks()
    {
        var queue = Template.SingleOfType("AWS::SQS::Queue");

        Assert.True(
            JsonTree.Text(queue.Properties["SqsManagedSseEnabled"]) == "true" || queue.Properties.ContainsKey("KmsMasterKeyId"),
            "the dead-letter queue is not encrypted");
        Assert.Equal("1209600", JsonTree.Text(queue.Properties["MessageRetentionPeriod"]));
    }

    [Fact]
    public void LedgerTable_HasTheContractSchemaOnDemandWithTtlPitrAndSse()
    {
        var table = Template.SingleOfType("AWS::DynamoDB::Table").Properties;

        Assert.Equal("""[{"AttributeName":"pk","KeyType":"HASH"}]""", table["KeySchema"]!.ToJsonString());
        Assert.Equal("""[{"AttributeName":"pk","AttributeType":"S"}]""", table["AttributeDefinitions"]!.ToJsonString());
        Assert.Equal("PAY_PER_REQUEST", JsonTree.Text(table["BillingMode"]));
        Assert.Equal("""{"AttributeName":"expiresAt","Enabled":"true"}""", table["TimeToLiveSpecification"]!.ToJsonString());
        Assert.Equal("true", JsonTree.Text(table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]));
        Assert.Equal("true", JsonTree.Text(table["SSESpecification"]!["SSEEnabled"]));
        Assert.False(table.ContainsKey("GlobalSecondaryIndexes"));
    }

    [Theory]
    [InlineData("AWS/Lambda", "Errors", "FunctionName", """{"Ref":"RemediatorFunction"}""")]
    [InlineData("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", """{"Fn::GetAtt":["DeadLetterQueue","QueueName"]}""")]
    [InlineData("Remediator", "BreakerOpen", null, null)]
    public void Alarm_WatchesTheMetric(string metricNamespace, string metric, string? dimension, string? dimensionValue)
    {
        var alarm = Assert.Single(
            Template.ResourcesOfType("AWS::CloudWatch::Alarm"),
            a => JsonTree.Text(a.Properties["Namespace"]) == metricNamespace && JsonTree.Text(a.Properties["MetricName"]) == metric);
        var dimensions = JsonTree.AsList(alarm.Properties["Dimensions"]).Where(d => d is not null).ToList();

        Assert.Equal("GreaterThanOrEqualToThreshold", JsonTree.Text(alarm.Properties["ComparisonOperator"]));
        Assert.Equal("1", JsonTree.Text(alarm.Properties["Threshold"]));
        Assert.Equal("notBreaching", JsonTree.Text(alarm.Properties["TreatMissingData"]));
        if (dimension is null)
        {
            Assert.Empty(dimensions);
        }
        else
        {
            var only = Assert.Single(dimensions)!;
            Assert.Equal(dimension, JsonTree.Text(only["Name"]));
            Assert.Equal(dimensionValue, only["Value"]!.ToJsonString());
        }
    }

    [Fact]
    public void Alarms_NotifyTheOptionalAlarmTopicNotTheManagedKeyTopic()
    {
        foreach (var alarm in Template.ResourcesOfType("AWS::CloudWatch::Alarm"))
        {
            Assert.Equal(
                """{"Fn::If":["HasAlarmTopic",[{"Ref":"AlarmTopicArn"}],{"Ref":"AWS::NoValue"}]}""",
                alarm.Properties["AlarmActions"]!.ToJsonString());
        }
    }

    [Theory]
    [InlineData("FunctionArn", """{"Fn::GetAtt":["RemediatorFunction","Arn"]}""")]
    [InlineData("NotificationTopicArn", """{"Fn::If":["CreatesTopic",{"Ref":"NotificationTopic"},{"Ref":"AlertTopicArn"}]}""")]
    [InlineData("LedgerTableName", """{"Ref":"LedgerTable"}""")]
    [InlineData("DeadLetterQueueUrl", """{"Ref":"DeadLetterQueue"}""")]
    [InlineData("FunctionLogGroupName", """{"Ref":"RemediatorLogGroup"}""")]
    public void Output_ExposesTheValue(string output, string expected)
    {
        Assert.Equal(expected, Template.Outputs[output]!["Value"]!.ToJsonString());
    }

    [Fact]
    public void LedgerTable_SurvivesStackDeletionAndReplacement()
    {
        var table = Template.SingleOfType("AWS::DynamoDB::Table").Body;

        Assert.Equal("Retain", JsonTree.Text(table["DeletionPolicy"]));
        Assert.Equal("Retain", JsonTree.Text(table["UpdateReplacePolicy"]));
        Assert.IsType<JsonObject>(table["Properties"]);
    }
}
