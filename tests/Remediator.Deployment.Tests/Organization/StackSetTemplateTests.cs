using System.Text.Json.Nodes;
using Remediator.Deployment.Tests.Support;
using Remediator.Deployment.Tests.Template;

namespace Remediator.Deployment.Tests.Organization;

/// <summary>
/// The StackSet template deploy/stackset_template.py writes (template.yaml through the SAM translator, Coverage
/// AccountPolicy, code from a bucket per region) with the parameter set of deploy/stackset-parameters.json, alone and
/// with a production OU's Mode=enforce: no transform, cfn-lint clean, nothing named so that two accounts or regions
/// collide, the retained resources the README names, and the same grant, function and account policy as template.yaml
/// deploys for the same parameters.
/// </summary>
public sealed class StackSetTemplateTests : IClassFixture<StackSetTemplateTests.Generated>
{
    public const string ParametersPath = "deploy/stackset-parameters.json";

    // Properties that name a resource in its account (and region, but IAM's are global), per type.
    private static readonly Dictionary<string, string[]> NameProperties = new(StringComparer.Ordinal)
    {
        ["AWS::Logs::LogGroup"] = ["LogGroupName"],
        ["AWS::Logs::AccountPolicy"] = ["PolicyName"],
        ["AWS::Logs::SubscriptionFilter"] = ["FilterName"],
        ["AWS::IAM::Role"] = ["RoleName"],
        ["AWS::IAM::ManagedPolicy"] = ["ManagedPolicyName"],
        ["AWS::Lambda::Function"] = ["FunctionName"],
        ["AWS::SNS::Topic"] = ["TopicName"],
        ["AWS::SQS::Queue"] = ["QueueName"],
        ["AWS::DynamoDB::Table"] = ["TableName"],
        ["AWS::Events::Rule"] = ["Name"],
        ["AWS::CloudWatch::Alarm"] = ["AlarmName"],
    };

    private static readonly string[] GlobalTypes = ["AWS::IAM::Role", "AWS::IAM::ManagedPolicy"];

    private readonly Generated generated;

    public StackSetTemplateTests(Generated generated) => this.generated = generated;

    public static TheoryData<string> OrganizationalUnits() => ["stack set", "production OU"];

    [Fact]
    public void Template_HasNoTransformNoServerlessResourceAndOnlyAccountPolicyCoverage()
    {
        var template = generated.Template;

        Assert.Null(template.Root["Transform"]);
        Assert.DoesNotContain(template.AllResources(), r => r.Type.StartsWith("AWS::Serverless::", StringComparison.Ordinal) || r.Type == "AWS::CloudFormation::Stack");
        Assert.DoesNotContain(template.Resources, r => r.Key.StartsWith(SamTemplate.ForEachPrefix, StringComparison.Ordinal));
        Assert.False(template.Parameters.ContainsKey("Coverage"));
        Assert.Null(template.Resource("AccountSubscriptionPolicy").Condition);
        Assert.Null(template.Resource("LogsInvokePermission").Condition);
        Assert.Equal("AWS::Lambda::Function", template.Resource("RemediatorFunction").Type);
    }

    [Fact]
    public async Task Template_IsCfnLintClean()
    {
        var (exitCode, output) = await ToolProcess.RunAsync("cfn-lint", null, "--format", "parseable", "--", generated.Path);

        Assert.True(exitCode == 0, $"cfn-lint {generated.Path} exited {exitCode}:\n{output}");
    }

    [Fact]
    public void Template_FitsATemplateBody()
    {
        // create-stack-set --template-body takes at most 51,200 bytes; the README's commands pass the file itself.
        Assert.InRange(new FileInfo(generated.Path).Length, 1, 51_200);
    }

    [Fact]
    public void Names_AreLeftToCloudFormationOrDerivedFromTheStackName()
    {
        foreach (var resource in generated.Template.AllResources())
        {
            foreach (var property in NameProperties.GetValueOrDefault(resource.Type, []))
            {
                if (resource.Properties[property] is not { } name)
                {
                    continue;
                }

                // IAM is global: one name in two regions of an account collides, whatever the stack is called.
                Assert.DoesNotContain(resource.Type, GlobalTypes);
                Assert.Contains("${AWS::StackName}", name.ToJsonString(), StringComparison.Ordinal);
            }
        }

        Assert.Null(generated.Template.Resource("RemediatorRole").Properties["RoleName"]);
    }

    [Fact]
    public void RetainedResources_AreTheLedgerOnly_AsTheReadmeSays()
    {
        var retained = generated.Template.AllResources().Where(r => r.Body["DeletionPolicy"]?.GetValue<string>() is "Retain" or "RetainExceptOnCreate").Select(r => r.LogicalId);

        Assert.Equal(["LedgerTable"], retained);
        Assert.Contains("retains the ledger table", Readme(), StringComparison.Ordinal);
    }

    [Fact]
    public void Code_ComesFromTheBucketOfTheTargetRegion()
    {
        var code = generated.Template.Resource("RemediatorFunction").Properties["Code"]!;
        var evaluator = new CfnEvaluator(generated.Template, ParameterSet("stack set"));

        Assert.Equal("""{"Fn::Sub":"${ArtifactBucketPrefix}-${AWS::Region}"}""", code["S3Bucket"]!.ToJsonString());
        Assert.Equal($"remediator-artifacts-111122223333-{CfnEvaluator.Region}", JsonTree.Text(evaluator.Evaluate(code["S3Bucket"])));
        Assert.Equal("remediator/1.0.0/remediator.zip", JsonTree.Text(evaluator.Evaluate(code["S3Key"])));
    }

    [Fact]
    public void ParameterSet_NamesParametersWithTheirAllowedValuesAndGivesEveryOneWithoutADefault()
    {
        var set = ParameterSet("stack set");
        var declared = generated.Template.Parameters;

        Assert.All(set, p =>
        {
            var declaration = declared[p.Key];
            Assert.True(declaration is not null, $"{p.Key} is not a parameter of the StackSet template");
            if (declaration!["AllowedValues"] is { } allowed)
            {
                Assert.Contains(p.Value, JsonTree.AsList(allowed).Select(JsonTree.Text));
            }

            if (declaration["AllowedPattern"] is { } pattern)
            {
                Assert.Matches(JsonTree.Text(pattern), p.Value);
            }
        });
        Assert.All(declared.Where(d => d.Value!["Default"] is null), d => Assert.Contains(d.Key, set.Keys));

        // The Rules CloudFormation checks first: a central topic takes no e-mail; a key only with the central topic.
        Assert.Equal("", set["NotificationEmail"]);
        Assert.True(set["AlertTopicKmsKeyArn"] == "" || set["AlertTopicArn"] != "");
    }

    [Theory]
    [MemberData(nameof(OrganizationalUnits))]
    public void Evaluated_PublishesToTheCentralTopicAndCreatesNone(string unit)
    {
        var parameters = ParameterSet(unit);
        var evaluator = new CfnEvaluator(generated.Template, parameters);

        Assert.DoesNotContain(evaluator.ExpandedResources(), r => r.Type is "AWS::SNS::Topic" or "AWS::SNS::Subscription");
        Assert.Equal(
            parameters["AlertTopicArn"],
            JsonTree.Text(evaluator.Evaluate(generated.Template.Resource("RemediatorFunction").Properties["Environment"]!["Variables"]!["REMEDIATOR_TOPIC_ARN"])));
        Assert.Equal(parameters["Mode"], JsonTree.Text(evaluator.Evaluate(generated.Template.Resource("RemediatorFunction").Properties["Environment"]!["Variables"]!["REMEDIATOR_MODE"])));
    }

    [Theory]
    [MemberData(nameof(OrganizationalUnits))]
    public void Evaluated_TheRoleGrantsExactlyWhatTemplateYamlGrantsForTheseParameters(string unit)
    {
        var parameters = ParameterSet(unit);
        var ours = Evaluated(generated.Template, parameters);
        var theirs = Evaluated(SamTemplate.Default, TemplateYamlParameters(parameters));

        Assert.Equal(theirs, ours);
        Assert.Contains(ours, s => s.Contains("\"iam:ListAccountAliases\"", StringComparison.Ordinal));
        Assert.Contains(ours, s => s.Contains("\"Deny\"", StringComparison.Ordinal) && s.Contains("aws:ResourceTag/remediator:exempt", StringComparison.Ordinal));
        Assert.Contains(ours, s => s.Contains("\"Deny\"", StringComparison.Ordinal) && s.Contains("RemediatorFunction", StringComparison.Ordinal));
        Assert.DoesNotContain(ours, s => s.Contains("\"ssm:", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OrganizationalUnits))]
    public void Evaluated_FunctionAndAccountPolicyAreTemplateYamls(string unit)
    {
        var parameters = ParameterSet(unit);
        var ours = new CfnEvaluator(generated.Template, parameters);
        var theirs = new CfnEvaluator(SamTemplate.Default, TemplateYamlParameters(parameters));

        foreach (var property in new[] { "Environment", "Runtime", "Handler", "Architectures", "MemorySize", "Timeout", "LoggingConfig", "ReservedConcurrentExecutions" })
        {
            Assert.True(
                JsonTree.SameJson(theirs.Evaluate(SamTemplate.Default.Resource("RemediatorFunction").Properties[property]), ours.Evaluate(generated.Template.Resource("RemediatorFunction").Properties[property])),
                $"{unit}: the function's {property} differs from template.yaml's");
        }

        foreach (var id in new[] { "AccountSubscriptionPolicy", "LogsInvokePermission", "RemediatorLogGroup", "LedgerTable", "DeadLetterQueue", "DeploymentEventRule", "SweepRule" })
        {
            // The same resource, but for template.yaml's Coverage condition, which the StackSet template has not.
            var expected = theirs.Evaluate(SamTemplate.Default.Resource(id).Body)!.AsObject();
            if (expected["Condition"]?.GetValue<string>() == "UseAccountPolicy")
            {
                expected.Remove("Condition");
            }
            Assert.Equal(Canonical(expected), Canonical(ours.Evaluate(generated.Template.Resource(id).Body)));
        }

        // The one account-level subscription filter policy of the region, never over Remediator's own log group.
        var policy = ours.Evaluate(generated.Template.Resource("AccountSubscriptionPolicy").Properties)!;
        Assert.Equal("SUBSCRIPTION_FILTER_POLICY", JsonTree.Text(policy["PolicyType"]));
        Assert.StartsWith("LogGroupName NOT IN [\"/aws/lambda/remediator-remediator\"", JsonTree.Text(policy["SelectionCriteria"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_ShowsTheRollOutCommandsAndTheCentralTopicsPolicy()
    {
        string readme = Readme();

        Assert.Contains("## Roll out to an organization", readme, StringComparison.Ordinal);
        foreach (var fragment in new[]
        {
            "python3 deploy/stackset_template.py", "aws cloudformation create-stack-set", "--permission-model SERVICE_MANAGED",
            "--auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false", "--parameters file://deploy/stackset-parameters.json",
            "aws cloudformation create-stack-instances", "--deployment-targets OrganizationalUnitIds=", "--regions",
        })
        {
            Assert.Contains(fragment, readme, StringComparison.Ordinal);
        }

        string policy = File.ReadAllText(RepositoryRoot.File(CentralTopicPolicyTests.TopicPolicyPath)).ReplaceLineEndings("\n").Trim();
        Assert.Contains(policy, readme, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> ParameterSet(string unit)
    {
        var set = JsonNode.Parse(File.ReadAllText(RepositoryRoot.File(ParametersPath)))!.AsArray()
            .ToDictionary(p => JsonTree.Text(p!["ParameterKey"]), p => JsonTree.Text(p!["ParameterValue"]), StringComparer.Ordinal);
        if (unit == "production OU")
        {
            // The README's create-stack-instances for a production OU overrides the mode.
            set["Mode"] = "enforce";
        }

        return set;
    }

    // The same deployment as a template.yaml stack: the artifact parameters are the StackSet template's own.
    private static Dictionary<string, string> TemplateYamlParameters(Dictionary<string, string> parameters) =>
        parameters.Where(p => !p.Key.StartsWith("Artifact", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static List<string> Evaluated(SamTemplate template, Dictionary<string, string> parameters)
    {
        var evaluator = new CfnEvaluator(template, parameters);
        return [.. PolicyStatement.IdentityStatements(template, parameters).Select(s => $"{s.Origin}: {Canonical(evaluator.Evaluate(s.Body))}").Order(StringComparer.Ordinal)];
    }

    // The JSON with every object's keys in order (the generator writes them sorted, template.yaml as written).
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    private static string Readme() => File.ReadAllText(RepositoryRoot.File("README.md")).ReplaceLineEndings("\n");

    /// <summary>The generator's output, written once per test run to a file beside the test assembly.</summary>
    public sealed class Generated : IAsyncLifetime
    {
        public string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "stackset-template.json");

        internal SamTemplate Template { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var (exitCode, output) = await ToolProcess.RunAsync("python3", null, RepositoryRoot.File("deploy", "stackset_template.py"), RepositoryRoot.File("."));
            Assert.True(exitCode == 0, $"stackset_template.py exited {exitCode}:\n{output}");
            string json = output[..(output.LastIndexOf('}') + 1)];
            await File.WriteAllTextAsync(Path, json);
            Template = SamTemplate.Parse(json);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
