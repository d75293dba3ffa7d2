using System.Text.Json.Nodes;
using Remediator.Deployment.Tests.Support;

namespace Remediator.Deployment.Tests.Template;

/// <summary>The function resource: runtime, handler, build, configuration, logs and async failure handling.</summary>
public class FunctionTests
{
    // The variables the template sets, exactly these (docs/ARCHITECTURE.md, "Configuration"); the settle delay and
    // the attempt limit keep their defaults.
    private static readonly string[] DesignEnvironmentVariables =
    [
        "REMEDIATOR_MODE", "REMEDIATOR_TOPIC_ARN", "REMEDIATOR_LEDGER_TABLE", "REMEDIATOR_EXEMPT_TAG",
        "REMEDIATOR_ALLOW_FUNCTIONS", "REMEDIATOR_DENY_FUNCTIONS", "REMEDIATOR_STAGE_SCOPE",
        "REMEDIATOR_MAX_FIXES_PER_INVOCATION", "REMEDIATOR_MAX_FIXES_PER_HOUR", "REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR",
        "REMEDIATOR_OWNERSHIP", "REMEDIATOR_TICKETS", "REMEDIATOR_OWNER_TAG",
    ];

    private static readonly TemplateResource Function = SamTemplate.Default.Resource("RemediatorFunction");
    private static readonly JsonObject Properties = Function.Properties;

    [Fact]
    public void Function_IsTheOnlyFunctionAndRunsTheExecutableAssemblyOnDotnet10()
    {
        Assert.Equal("AWS::Serverless::Function", Assert.Single(SamTemplate.Default.AllResources(), r => r.Type.EndsWith("::Function", StringComparison.Ordinal)).Type);
        Assert.Equal("dotnet10", JsonTree.Text(Properties["Runtime"]));
        Assert.Equal("Remediator.Lambda", JsonTree.Text(Properties["Handler"]));
        Assert.Equal(["x86_64"], JsonTree.AsList(Properties["Architectures"]).Select(JsonTree.Text));
    }

    [Fact]
    public void Function_IsBuiltByTheMakefileTargetInItsCodeUri()
    {
        var codeUri = JsonTree.Text(Properties["CodeUri"]).TrimEnd('/');
        var makefile = RepositoryRoot.File(codeUri, "Makefile");

        Assert.Equal("src/Remediator.Lambda", codeUri);
        Assert.True(File.Exists(RepositoryRoot.File(codeUri, "Remediator.Lambda.csproj")));
        Assert.Equal("makefile", JsonTree.Text(Function.Body["Metadata"]!["BuildMethod"]));
        Assert.Contains(File.ReadAllLines(makefile), line => line == $"build-{Function.LogicalId}:");
    }

    [Fact]
    public void Function_HasSensibleMemoryTimeoutAndReservedConcurrency()
    {
        var memory = int.Parse(JsonTree.Text(Properties["MemorySize"]), System.Globalization.CultureInfo.InvariantCulture);
        var timeout = int.Parse(JsonTree.Text(Properties["Timeout"]), System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(memory, 256, 3008);
        Assert.InRange(timeout, 30, 300);
        Assert.Equal(
            """{"Fn::If":["HasReservedConcurrency",{"Ref":"ReservedConcurrency"},{"Ref":"AWS::NoValue"}]}""",
            Properties["ReservedConcurrentExecutions"]!.ToJsonString());
        Assert.True(new CfnEvaluator(SamTemplate.Default).IsTrue("HasReservedConcurrency"));
        Assert.False(new CfnEvaluator(SamTemplate.Default, new Dictionary<string, string> { ["ReservedConcurrency"] = "0" }).IsTrue("HasReservedConcurrency"));
    }

    [Fact]
    public void Environment_NamesExactlyTheDesignConfiguration()
    {
        var variables = Properties["Environment"]!["Variables"]!.AsObject();

        Assert.Equal(DesignEnvironmentVariables.Order(StringComparer.Ordinal), variables.Select(v => v.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("REMEDIATOR_MODE", """{"Ref":"Mode"}""")]
    [InlineData("REMEDIATOR_TOPIC_ARN", """{"Fn::If":["CreatesTopic",{"Ref":"NotificationTopic"},{"Ref":"AlertTopicArn"}]}""")]
    [InlineData("REMEDIATOR_LEDGER_TABLE", """{"Ref":"LedgerTable"}""")]
    [InlineData("REMEDIATOR_EXEMPT_TAG", """{"Ref":"ExemptTag"}""")]
    [InlineData("REMEDIATOR_ALLOW_FUNCTIONS", """{"Ref":"AllowFunctions"}""")]
    [InlineData("REMEDIATOR_DENY_FUNCTIONS", """{"Ref":"DenyFunctions"}""")]
    [InlineData("REMEDIATOR_STAGE_SCOPE", """{"Ref":"StageScope"}""")]
    [InlineData("REMEDIATOR_MAX_FIXES_PER_INVOCATION", """{"Ref":"MaxFixesPerInvocation"}""")]
    [InlineData("REMEDIATOR_MAX_FIXES_PER_HOUR", """{"Ref":"MaxFixesPerHour"}""")]
    [InlineData("REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR", """{"Ref":"MaxNotificationsPerHour"}""")]
    [InlineData("REMEDIATOR_OWNERSHIP", """{"Ref":"Ownership"}""")]
    [InlineData("REMEDIATOR_TICKETS", """{"Ref":"Tickets"}""")]
    [InlineData("REMEDIATOR_OWNER_TAG", """{"Ref":"OwnerTag"}""")]
    public void Environment_Variable_ComesFromItsParameterOrResource(string name, string expected)
    {
        Assert.Equal(expected, Properties["Environment"]!["Variables"]![name]!.ToJsonString());
    }

    [Theory]
    [InlineData("Mode", "observe|recommend|enforce", "recommend")]
    [InlineData("StageScope", "stage|any", "stage")]
    [InlineData("Ownership", "stack,tag|stack|tag|none", "stack,tag")]
    [InlineData("Coverage", "AccountPolicy|LogGroups", "AccountPolicy")]
    [InlineData("Tickets", "opscenter|sns|none", "opscenter")]
    public void Parameter_AllowsOnlyTheDesignValues(string parameter, string allowed, string defaultValue)
    {
        var declaration = SamTemplate.Default.Parameters[parameter]!;

        Assert.Equal(allowed.Split('|'), JsonTree.AsList(declaration["AllowedValues"]).Select(JsonTree.Text));
        Assert.Equal(defaultValue, JsonTree.Text(declaration["Default"]));
    }

    [Fact]
    public void Parameter_ExemptTagDefault_IsTheDesignDefault()
    {
        Assert.Equal("remediator:exempt", JsonTree.Text(SamTemplate.Default.Parameters["ExemptTag"]!["Default"]));
    }

    [Fact]
    public void Parameter_OwnerTagDefault_IsTheDesignDefault()
    {
        Assert.Equal(Remediator.Core.Configuration.RemediatorVariables.DefaultOwnerTag, JsonTree.Text(SamTemplate.Default.Parameters["OwnerTag"]!["Default"]));
    }

    [Fact]
    public void Logs_GoToItsOwnLogGroupWithRetention()
    {
        var logGroup = SamTemplate.Default.Resource("RemediatorLogGroup");
        var retention = SamTemplate.Default.Parameters["LogRetentionDays"]!;

        Assert.Equal("""{"Ref":"RemediatorLogGroup"}""", Properties["LoggingConfig"]!["LogGroup"]!.ToJsonString());
        Assert.Equal("AWS::Logs::LogGroup", logGroup.Type);
        Assert.Equal("""{"Ref":"LogRetentionDays"}""", logGroup.Properties["RetentionInDays"]!.ToJsonString());
        Assert.Contains(retention["Default"]!.ToJsonString(), JsonTree.AsList(retention["AllowedValues"]).Select(v => v!.ToJsonString()));
        Assert.Equal(
            "/aws/lambda/remediator-remediator",
            JsonTree.Text(new CfnEvaluator(SamTemplate.Default).Evaluate(logGroup.Properties["LogGroupName"])));
    }

    [Fact]
    public void AsyncInvocations_RetryThenKeepThePayloadInTheEncryptedQueue()
    {
        var config = Properties["EventInvokeConfig"]!;
        var retries = int.Parse(JsonTree.Text(config["MaximumRetryAttempts"]), System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(retries, 1, 2);
        Assert.Equal("SQS", JsonTree.Text(config["DestinationConfig"]!["OnFailure"]!["Type"]));
        Assert.Equal("""{"Fn::GetAtt":["DeadLetterQueue","Arn"]}""", config["DestinationConfig"]!["OnFailure"]!["Destination"]!.ToJsonString());
    }
}
