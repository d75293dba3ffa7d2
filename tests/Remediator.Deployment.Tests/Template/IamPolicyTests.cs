using System.Text.Json.Nodes;

namespace Remediator.Deployment.Tests.Template;

/// <summary>Least privilege: what Remediator's role may do, on what, and what it may never do.</summary>
public class IamPolicyTests
{
    private const string LambdaFunctions = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*";
    private const string LogGroupPrefix = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:";

    private static readonly SamTemplate Template = SamTemplate.Default;
    private static readonly IReadOnlyList<PolicyStatement> All = PolicyStatement.IdentityStatements(Template);
    private static readonly IReadOnlyList<PolicyStatement> Statements = [.. All.Where(s => s.Effect == "Allow")];
    private static readonly IReadOnlyList<PolicyStatement> Denials = [.. All.Where(s => s.Effect != "Allow")];

    // The complete grant. Adding an action means changing this list on purpose.
    private static readonly string[] ExpectedActions =
    [
        "logs:CreateLogStream", "logs:PutLogEvents",
        "lambda:AddPermission",
        "lambda:GetPolicy", "lambda:GetAlias", "lambda:ListTags", "lambda:GetFunctionConcurrency",
        "apigateway:GET",
        "logs:FilterLogEvents",
        "sns:Publish",
        "ssm:CreateOpsItem", "ssm:DescribeOpsItems", "ssm:GetOpsItem", "ssm:UpdateOpsItem",
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
        "sqs:SendMessage",
        "sts:GetCallerIdentity",
        "iam:ListAccountAliases",
    ];

    // Actions AWS does not scope to a resource ARN, so "*" is their only possible resource.
    private static readonly string[] UnscopableActions = ["ssm:CreateOpsItem", "ssm:DescribeOpsItems", "sts:GetCallerIdentity", "iam:ListAccountAliases"];

    public static TheoryData<string> AllActions() => [.. Statements.SelectMany(s => s.Actions).Distinct()];

    [Fact]
    public void Policies_OnlyTheRemediatorRoleGrantsPermissions()
    {
        Assert.NotEmpty(Statements);
        Assert.All(Statements, s => Assert.Equal("RemediatorRole", s.Origin));
        Assert.All(All, s => Assert.Contains(s.Effect, new[] { "Allow", "Deny" }));
        Assert.Equal(
            JsonTree.GetAtt("RemediatorRole", "Arn").ToJsonString(),
            Template.Resource("RemediatorFunction").Properties["Role"]!.ToJsonString());
    }

    [Fact]
    public void Policies_GrantExactlyTheExpectedActions()
    {
        Assert.Equal(ExpectedActions.Order(StringComparer.Ordinal), Statements.SelectMany(s => s.Actions).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void Policies_Action_HasNoWildcard(string action)
    {
        Assert.DoesNotContain('*', action);
        Assert.DoesNotContain('?', action);
    }

    [Fact]
    public void Policies_AllStatements_HaveExplicitActionsAndResources()
    {
        Assert.All(All, s =>
        {
            Assert.False(s.Body.ContainsKey("NotAction"), "NotAction grants everything else");
            Assert.False(s.Body.ContainsKey("NotResource"), "NotResource grants everything else");
            Assert.NotEmpty(s.Resources);
        });
    }

    [Fact]
    public void Policies_WildcardResource_OnlyForActionsWithoutResourceScoping()
    {
        foreach (var statement in Statements.Where(s => s.Resources.Any(r => r is JsonValue v && v.GetValue<string>() == "*")))
        {
            Assert.All(statement.Actions, a => Assert.Contains(a, UnscopableActions));
        }
    }

    [Fact]
    public void Policies_NeverAllowRemovePermissionOrOtherLambdaWrites()
    {
        var lambdaActions = Statements.SelectMany(s => s.Actions).Where(a => a.StartsWith("lambda:", StringComparison.OrdinalIgnoreCase));

        Assert.DoesNotContain(Statements.SelectMany(s => s.Actions), a => a.Equals("lambda:RemovePermission", StringComparison.OrdinalIgnoreCase));
        Assert.All(lambdaActions, a => Assert.True(a == "lambda:AddPermission" || a.StartsWith("lambda:Get", StringComparison.Ordinal) || a == "lambda:ListTags", a));
    }

    [Fact]
    public void AddPermission_IsConditionedOnApiGatewayPrincipalAndScopedToThisAccountAndRegion()
    {
        var statements = Statements.Where(s => s.Actions.Contains("lambda:AddPermission")).ToList();

        var statement = Assert.Single(statements);
        Assert.Equal(["lambda:AddPermission"], statement.Actions);
        var condition = Assert.IsType<JsonObject>(statement.Condition);
        var stringEquals = Assert.IsType<JsonObject>(Assert.Single(condition).Value);
        var (key, value) = Assert.Single(stringEquals);
        Assert.Equal("lambda:Principal", key);
        Assert.Equal("apigateway.amazonaws.com", JsonTree.Text(value));
        Assert.Equal("StringEquals", condition.Single().Key);
        Assert.All(statement.Resources, r => Assert.True(JsonTree.SameJson(JsonTree.Sub(LambdaFunctions), r), r!.ToJsonString()));
    }

    [Fact]
    public void LambdaReads_AreScopedToFunctionsInThisAccountAndRegion()
    {
        var reads = Statements.Where(s => s.Actions.Any(a => a.StartsWith("lambda:", StringComparison.Ordinal) && a != "lambda:AddPermission")).ToList();

        Assert.Equal(
            new[] { "lambda:GetAlias", "lambda:GetFunctionConcurrency", "lambda:GetPolicy", "lambda:ListTags" },
            reads.SelectMany(s => s.Actions).Order(StringComparer.Ordinal));
        Assert.All(reads.SelectMany(s => s.Resources), r => Assert.True(JsonTree.SameJson(JsonTree.Sub(LambdaFunctions), r), r!.ToJsonString()));
    }

    [Fact]
    public void ApiGateway_IsReadOnlyOnRestAndV2Apis()
    {
        var statement = Assert.Single(Statements, s => s.Actions.Any(a => a.StartsWith("apigateway:", StringComparison.Ordinal)));

        Assert.Equal(["apigateway:GET"], statement.Actions);
        Assert.Equal(
            [
                JsonTree.Sub("arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis*").ToJsonString(),
                JsonTree.Sub("arn:${AWS::Partition}:apigateway:${AWS::Region}::/apis*").ToJsonString(),
            ],
            statement.Resources.Select(r => r!.ToJsonString()));
    }

    [Fact]
    public void FilterLogEvents_IsLimitedToExecutionLogGroups()
    {
        var statement = Assert.Single(Statements, s => s.Actions.Contains("logs:FilterLogEvents"));

        Assert.Equal(["logs:FilterLogEvents"], statement.Actions);
        var resource = Assert.Single(statement.Resources);
        Assert.True(JsonTree.SameJson(JsonTree.Sub(LogGroupPrefix + "API-Gateway-Execution-Logs_*"), resource), resource!.ToJsonString());
    }

    [Fact]
    public void AddPermission_IsDeniedOnRemediatorsOwnFunctionAndItsQualifiers()
    {
        var deny = Assert.Single(Denials, s => s.Origin == "SelfGrantDeny");
        var policy = Template.Resource("SelfGrantDeny");

        Assert.Equal("AWS::IAM::RolePolicy", policy.Type);
        Assert.True(JsonTree.SameJson(JsonTree.Ref("RemediatorRole"), policy.Properties["RoleName"]));
        Assert.Equal(["lambda:AddPermission"], deny.Actions);
        Assert.Null(deny.Condition);
        Assert.Equal(
            [JsonTree.GetAtt("RemediatorFunction", "Arn").ToJsonString(), JsonTree.Sub("${RemediatorFunction.Arn}:*").ToJsonString()],
            deny.Resources.Select(r => r!.ToJsonString()));
        // No event reaches the function before the deny is attached.
        Assert.Contains("SelfGrantDeny", Template.Resource("AccountSubscriptionPolicy").DependsOn);
        Assert.Contains("SelfGrantDeny", Template.Resource("LogGroupSubscriptions").DependsOn);
    }

    [Fact]
    public void AddPermission_IsDeniedOnFunctionsCarryingTheExemptTag()
    {
        var deny = Assert.Single(Denials, s => s.Origin == "RemediatorRole");
        const string Key = "aws:ResourceTag/" + Remediator.Core.Configuration.RemediatorVariables.DefaultExemptTag;

        Assert.Equal(["lambda:AddPermission"], deny.Actions);
        Assert.True(JsonTree.SameJson(JsonTree.Sub(LambdaFunctions), Assert.Single(deny.Resources)));
        var condition = Assert.IsType<JsonObject>(deny.Condition);
        // Both must hold: the tag is present, and its value is not "false" (the one value that keeps a function in scope).
        Assert.Equal(["Null", "StringNotEqualsIgnoreCase"], condition.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal("false", JsonTree.Text(Assert.Single(condition["Null"]!.AsObject(), c => c.Key == Key).Value));
        Assert.Equal("false", JsonTree.Text(Assert.Single(condition["StringNotEqualsIgnoreCase"]!.AsObject(), c => c.Key == Key).Value));
    }

    [Fact]
    public void Denials_AreOnlyTheTwoAddPermissionGuards()
    {
        Assert.Equal(2, Denials.Count);
        Assert.All(Denials, d => Assert.Equal("Deny", d.Effect));
    }

    [Theory]
    [InlineData("dynamodb:GetItem", "LedgerTable", "Arn", "AWS::DynamoDB::Table")]
    [InlineData("dynamodb:PutItem", "LedgerTable", "Arn", "AWS::DynamoDB::Table")]
    [InlineData("dynamodb:UpdateItem", "LedgerTable", "Arn", "AWS::DynamoDB::Table")]
    [InlineData("sqs:SendMessage", "DeadLetterQueue", "Arn", "AWS::SQS::Queue")]
    [InlineData("logs:PutLogEvents", "RemediatorLogGroup", "Arn", "AWS::Logs::LogGroup")]
    [InlineData("logs:CreateLogStream", "RemediatorLogGroup", "Arn", "AWS::Logs::LogGroup")]
    public void Action_IsScopedToItsOwnResource(string action, string logicalId, string attribute, string type)
    {
        var expected = attribute == "Ref" ? JsonTree.Ref(logicalId) : JsonTree.GetAtt(logicalId, attribute);

        Assert.Equal(type, Template.Resource(logicalId).Type);
        var resources = Statements.Where(s => s.Actions.Contains(action)).SelectMany(s => s.Resources).ToList();
        Assert.NotEmpty(resources);
        Assert.All(resources, r => Assert.True(JsonTree.SameJson(expected, r), $"{action} on {r!.ToJsonString()}"));
    }

    [Theory]
    [InlineData("ssm:GetOpsItem")]
    [InlineData("ssm:UpdateOpsItem")]
    public void OpsItemReadsAndWrites_AreScopedToOpsItemsInThisAccountAndRegion(string action)
    {
        var resources = Statements.Where(s => s.Actions.Contains(action)).SelectMany(s => s.Resources).ToList();

        Assert.NotEmpty(resources);
        Assert.All(resources, r => Assert.True(
            JsonTree.SameJson(JsonTree.Sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:opsitem/*"), r),
            r!.ToJsonString()));
    }

    // Exactly the OpsCenter calls of each ticket mode: create, get, describe (find the open one), update (and resolve).
    [Theory]
    [InlineData("opscenter", "ssm:CreateOpsItem ssm:DescribeOpsItems ssm:GetOpsItem ssm:UpdateOpsItem")]
    [InlineData("sns", "")]
    [InlineData("none", "")]
    public void SsmActions_AreExactlyWhatTheTicketModeCalls(string tickets, string expected)
    {
        var statements = PolicyStatement.IdentityStatements(Template, new Dictionary<string, string> { ["Tickets"] = tickets });

        Assert.Equal(
            expected.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            statements.SelectMany(s => s.Actions).Where(a => a.StartsWith("ssm:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains(statements, s => s.Actions.Contains("sns:Publish"));
    }

    [Fact]
    public void Role_IsAssumableByLambdaOnly()
    {
        var trust = Template.Resource("RemediatorRole").Properties["AssumeRolePolicyDocument"]!;
        var statement = Assert.Single(JsonTree.AsList(trust["Statement"]))!;

        Assert.Equal("Allow", JsonTree.Text(statement["Effect"]));
        Assert.Equal("sts:AssumeRole", JsonTree.Text(statement["Action"]));
        Assert.Equal("lambda.amazonaws.com", JsonTree.Text(statement["Principal"]!["Service"]));
        Assert.Single(statement["Principal"]!.AsObject());
    }
}
