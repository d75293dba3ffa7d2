using Remediator.Core.Configuration;

namespace Remediator.Core.Tests.Configuration;

public class RemediatorSettingsReaderTests
{
    private static SettingsResult Read(params (string Name, string Value)[] variables) =>
        RemediatorSettingsReader.Read(Environment(variables));

    private static InMemoryEnvironmentVariables Environment(params (string Name, string Value)[] variables) =>
        new(variables.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    private static RemediatorSettings ReadValid(params (string Name, string Value)[] variables)
    {
        SettingsResult result = Read(variables);
        Assert.True(result.IsValid, result.Describe());
        return result.Settings!;
    }

    [Fact]
    public void Read_EmptyEnvironment_GivesDefaults()
    {
        Assert.Equal(new RemediatorSettings(), ReadValid());
    }

    [Fact]
    public void Read_UnrelatedVariables_AreIgnored()
    {
        RemediatorSettings settings = ReadValid(("AWS_REGION", "us-east-1"), ("PATH", "/bin"), ("remediator_mode", "x"));

        Assert.Equal(new RemediatorSettings(), settings);
    }

    [Fact]
    public void Read_EveryVariableSet_ReadsEach()
    {
        RemediatorSettings settings = ReadValid(
            (RemediatorVariables.Mode, "enforce"),
            (RemediatorVariables.TopicArn, "arn:aws:sns:us-east-1:123456789012:remediator"),
            (RemediatorVariables.LedgerTable, "remediator-ledger"),
            (RemediatorVariables.ExemptTag, "team:no-heal"),
            (RemediatorVariables.AllowFunctions, "orders-*, payments"),
            (RemediatorVariables.DenyFunctions, "*-prod-critical"),
            (RemediatorVariables.StageScope, "any"),
            (RemediatorVariables.MaxFixesPerInvocation, "3"),
            (RemediatorVariables.MaxFixesPerHour, "25"),
            (RemediatorVariables.MaxNotificationsPerHour, "12"),
            (RemediatorVariables.SettleSeconds, "0"),
            (RemediatorVariables.MaxAttempts, "5"),
            (RemediatorVariables.Ownership, "tag"),
            (RemediatorVariables.Tickets, "sns"));

        Assert.Equal(
            new RemediatorSettings
            {
                Mode = RemediatorMode.Enforce,
                TopicArn = "arn:aws:sns:us-east-1:123456789012:remediator",
                LedgerTable = "remediator-ledger",
                ExemptTag = "team:no-heal",
                Functions = new FunctionNameFilter(["orders-*", "payments"], ["*-prod-critical"]),
                StageScope = StageScope.Any,
                MaxFixesPerInvocation = 3,
                MaxFixesPerHour = 25,
                MaxNotificationsPerHour = 12,
                SettleDelay = TimeSpan.Zero,
                MaxAttempts = 5,
                Ownership = OwnershipProofs.Tag,
                Tickets = TicketMode.Sns,
            },
            settings);
    }

    [Theory]
    [InlineData("observe", RemediatorMode.Observe)]
    [InlineData("recommend", RemediatorMode.Recommend)]
    [InlineData("enforce", RemediatorMode.Enforce)]
    [InlineData(" Enforce ", RemediatorMode.Enforce)]
    [InlineData("", RemediatorMode.Observe)]
    public void Read_Mode_ParsesEachSpelling(string value, RemediatorMode expected)
    {
        Assert.Equal(expected, ReadValid((RemediatorVariables.Mode, value)).Mode);
    }

    [Theory]
    [InlineData("opscenter", TicketMode.OpsCenter)]
    [InlineData("OpsCenter", TicketMode.OpsCenter)]
    [InlineData("sns", TicketMode.Sns)]
    [InlineData("none", TicketMode.None)]
    [InlineData("", TicketMode.OpsCenter)]
    public void Read_Tickets_ParsesEachSpelling(string value, TicketMode expected)
    {
        Assert.Equal(expected, ReadValid((RemediatorVariables.Tickets, value)).Tickets);
    }

    [Theory]
    [InlineData("any", StageScope.Any)]
    [InlineData("ANY", StageScope.Any)]
    [InlineData("stage", StageScope.Stage)]
    [InlineData("STAGE", StageScope.Stage)]
    [InlineData("", StageScope.Stage)]
    public void Read_StageScope_ParsesEachSpelling(string value, StageScope expected)
    {
        Assert.Equal(expected, ReadValid((RemediatorVariables.StageScope, value)).StageScope);
    }

    [Theory]
    [InlineData("stack,tag", OwnershipProofs.Stack | OwnershipProofs.Tag)]
    [InlineData("tag,stack", OwnershipProofs.Stack | OwnershipProofs.Tag)]
    [InlineData(" Stack , TAG ", OwnershipProofs.Stack | OwnershipProofs.Tag)]
    [InlineData("stack", OwnershipProofs.Stack)]
    [InlineData("tag", OwnershipProofs.Tag)]
    [InlineData("none", OwnershipProofs.None)]
    [InlineData("NONE", OwnershipProofs.None)]
    [InlineData("", OwnershipProofs.Stack | OwnershipProofs.Tag)]
    [InlineData("   ", OwnershipProofs.Stack | OwnershipProofs.Tag)]
    public void Read_Ownership_ParsesEachSpelling(string value, OwnershipProofs expected)
    {
        Assert.Equal(expected, ReadValid((RemediatorVariables.Ownership, value)).Ownership);
    }

    [Fact]
    public void Read_OwnershipUnset_AcceptsBothProofsWithoutWarning()
    {
        SettingsResult result = Read();

        Assert.Equal(OwnershipProofs.Stack | OwnershipProofs.Tag, result.Settings!.Ownership);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Read_OwnershipNone_IsValidButWarnsNamingTheVariable()
    {
        SettingsResult result = Read((RemediatorVariables.Ownership, "none"));

        Assert.True(result.IsValid);
        SettingsError warning = Assert.Single(result.Warnings);
        Assert.Equal(RemediatorVariables.Ownership, warning.Variable);
        Assert.StartsWith("REMEDIATOR_OWNERSHIP: is none: every API editor is trusted", warning.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stack")]
    [InlineData("tag")]
    [InlineData("stack,tag")]
    public void Read_OwnershipWithProofs_DoesNotWarn(string value)
    {
        Assert.Empty(Read((RemediatorVariables.Ownership, value)).Warnings);
    }

    [Theory]
    [InlineData("arn:aws:sns:us-east-1:123456789012:remediator")]
    [InlineData("arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts_1")]
    [InlineData("arn:aws-cn:sns:cn-north-1:123456789012:ops.fifo")]
    public void Read_TopicArn_AcceptsTopicArns(string value)
    {
        Assert.Equal(value, ReadValid((RemediatorVariables.TopicArn, value)).TopicArn);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a.b_c-1")]
    public void Read_LedgerTable_AcceptsTableNames(string value)
    {
        Assert.Equal(value, ReadValid((RemediatorVariables.LedgerTable, value)).LedgerTable);
    }

    [Theory]
    [InlineData("remediator:exempt")]
    [InlineData("Team Owner/no-heal@x=1+2")]
    public void Read_ExemptTag_AcceptsTagKeys(string value)
    {
        Assert.Equal(value, ReadValid((RemediatorVariables.ExemptTag, value)).ExemptTag);
    }

    [Theory]
    [InlineData(RemediatorVariables.MaxFixesPerInvocation, "1")]
    [InlineData(RemediatorVariables.MaxFixesPerInvocation, "100")]
    [InlineData(RemediatorVariables.MaxFixesPerHour, "1")]
    [InlineData(RemediatorVariables.MaxFixesPerHour, "10000")]
    [InlineData(RemediatorVariables.MaxNotificationsPerHour, "1")]
    [InlineData(RemediatorVariables.MaxNotificationsPerHour, "10000")]
    [InlineData(RemediatorVariables.SettleSeconds, "0")]
    [InlineData(RemediatorVariables.SettleSeconds, "300")]
    [InlineData(RemediatorVariables.MaxAttempts, "1")]
    [InlineData(RemediatorVariables.MaxAttempts, "20")]
    public void Read_Numbers_AcceptBounds(string variable, string value)
    {
        Assert.True(Read((variable, value)).IsValid);
    }

    [Fact]
    public void Read_Patterns_SplitTrimAndKeepOrder()
    {
        FunctionNameFilter filter = ReadValid(
            (RemediatorVariables.AllowFunctions, " a* ,b , *c* "),
            (RemediatorVariables.DenyFunctions, "x")).Functions;

        Assert.Equal(["a*", "b", "*c*"], filter.Allow);
        Assert.Equal(["x"], filter.Deny);
    }

    // Every variable with a value it must refuse, and the words the message must contain.
    [Theory]
    [InlineData(RemediatorVariables.Mode, "enforced", "is not one of observe, recommend, enforce")]
    [InlineData(RemediatorVariables.Mode, "fix", "'fix'")]
    [InlineData(RemediatorVariables.TopicArn, "remediator", "is not an SNS topic ARN")]
    [InlineData(RemediatorVariables.TopicArn, "arn:aws:sqs:us-east-1:123456789012:q", "is not an SNS topic ARN")]
    [InlineData(RemediatorVariables.TopicArn, "arn:aws:sns:us-east-1:1234:remediator", "is not an SNS topic ARN")]
    [InlineData(RemediatorVariables.LedgerTable, "ab", "is not a DynamoDB table name")]
    [InlineData(RemediatorVariables.LedgerTable, "my table", "is not a DynamoDB table name")]
    [InlineData(RemediatorVariables.LedgerTable, "arn:aws:dynamodb:us-east-1:123456789012:table/t", "is not a DynamoDB table name")]
    [InlineData(RemediatorVariables.ExemptTag, "aws:exempt", "is not a usable tag key")]
    [InlineData(RemediatorVariables.ExemptTag, "bad!tag", "is not a usable tag key")]
    [InlineData(RemediatorVariables.AllowFunctions, "orders-*,", "has an empty entry")]
    [InlineData(RemediatorVariables.AllowFunctions, "arn:aws:lambda:us-east-1:123456789012:function:f", "is not a function-name pattern")]
    [InlineData(RemediatorVariables.DenyFunctions, "a,,b", "has an empty entry")]
    [InlineData(RemediatorVariables.DenyFunctions, "prod?", "is not a function-name pattern")]
    [InlineData(RemediatorVariables.StageScope, "all", "is not one of any, stage")]
    [InlineData(RemediatorVariables.Tickets, "email", "is not one of opscenter, sns, none")]
    [InlineData(RemediatorVariables.Tickets, "ops-center", "is not one of opscenter, sns, none")]
    [InlineData(RemediatorVariables.Ownership, "stacks", "'stacks' is not a proof (stack, tag; or none alone)")]
    [InlineData(RemediatorVariables.Ownership, "stack;tag", "is not a proof")]
    [InlineData(RemediatorVariables.Ownership, "stack tag", "is not a proof")]
    [InlineData(RemediatorVariables.Ownership, "stack,", "has an empty entry")]
    [InlineData(RemediatorVariables.Ownership, ",tag", "has an empty entry")]
    [InlineData(RemediatorVariables.Ownership, "stack,,tag", "has an empty entry")]
    [InlineData(RemediatorVariables.Ownership, "tag,tag", "names tag twice")]
    [InlineData(RemediatorVariables.Ownership, "none,tag", "combines none with proofs")]
    [InlineData(RemediatorVariables.Ownership, "stack,none", "combines none with proofs")]
    [InlineData(RemediatorVariables.Ownership, "off", "is not a proof")]
    [InlineData(RemediatorVariables.Ownership, "false", "is not a proof")]
    [InlineData(RemediatorVariables.MaxFixesPerInvocation, "0", "is not a whole number from 1 to 100")]
    [InlineData(RemediatorVariables.MaxFixesPerInvocation, "101", "is not a whole number from 1 to 100")]
    [InlineData(RemediatorVariables.MaxFixesPerInvocation, "ten", "is not a whole number")]
    [InlineData(RemediatorVariables.MaxFixesPerHour, "-1", "is not a whole number from 1 to 10000")]
    [InlineData(RemediatorVariables.MaxFixesPerHour, "1e3", "is not a whole number")]
    [InlineData(RemediatorVariables.MaxFixesPerHour, "99999999999", "is not a whole number")]
    [InlineData(RemediatorVariables.MaxNotificationsPerHour, "0", "is not a whole number from 1 to 10000")]
    [InlineData(RemediatorVariables.MaxNotificationsPerHour, "10001", "is not a whole number from 1 to 10000")]
    [InlineData(RemediatorVariables.MaxNotificationsPerHour, "many", "is not a whole number")]
    [InlineData(RemediatorVariables.SettleSeconds, "301", "is not a whole number from 0 to 300")]
    [InlineData(RemediatorVariables.SettleSeconds, "1.5", "is not a whole number")]
    [InlineData(RemediatorVariables.MaxAttempts, "0", "is not a whole number from 1 to 20")]
    [InlineData(RemediatorVariables.MaxAttempts, "+3", "is not a whole number")]
    public void Read_InvalidValue_FailsNamingTheVariable(string variable, string value, string expectedProblem)
    {
        SettingsResult result = Read((variable, value));

        Assert.False(result.IsValid);
        Assert.Null(result.Settings);
        SettingsError error = Assert.Single(result.Errors);
        Assert.Equal(variable, error.Variable);
        Assert.Contains(expectedProblem, error.Problem, StringComparison.Ordinal);
        Assert.Contains(variable + ": ", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownRemediatorVariable_FailsNamingIt()
    {
        SettingsResult result = Read(("REMEDIATOR_MOD", "enforce"));

        SettingsError error = Assert.Single(result.Errors);
        Assert.Equal("REMEDIATOR_MOD", error.Variable);
        Assert.Contains("is not a Remediator setting", error.Problem, StringComparison.Ordinal);
        Assert.Contains("REMEDIATOR_MODE", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOne()
    {
        SettingsResult result = Read(
            ("REMEDIATOR_ZZZ", "1"),
            (RemediatorVariables.Mode, "bogus"),
            (RemediatorVariables.MaxAttempts, "0"));

        Assert.Equal(
            ["REMEDIATOR_ZZZ", RemediatorVariables.Mode, RemediatorVariables.MaxAttempts],
            result.Errors.Select(e => e.Variable));
        Assert.StartsWith("Invalid Remediator configuration: REMEDIATOR_ZZZ: ", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LongInvalidValue_IsShortenedInTheMessage()
    {
        string value = new('x', 500);

        SettingsError error = Assert.Single(Read((RemediatorVariables.Mode, value)).Errors);

        Assert.True(error.Problem.Length < 200, error.Problem);
    }

    [Fact]
    public void Read_Override_WinsOverEnvironment()
    {
        InMemoryEnvironmentVariables environment = Environment(
            (RemediatorVariables.Mode, "enforce"), (RemediatorVariables.MaxAttempts, "4"));
        var overrides = new Dictionary<string, string> { [RemediatorVariables.Mode] = "observe" };

        RemediatorSettings settings = RemediatorSettingsReader.Read(environment, overrides).Settings!;

        Assert.Equal(RemediatorMode.Observe, settings.Mode);
        Assert.Equal(4, settings.MaxAttempts);
    }

    [Fact]
    public void Read_Override_FixesAnInvalidEnvironmentValue()
    {
        InMemoryEnvironmentVariables environment = Environment((RemediatorVariables.Mode, "bogus"));
        var overrides = new Dictionary<string, string> { [RemediatorVariables.Mode] = "recommend" };

        SettingsResult result = RemediatorSettingsReader.Read(environment, overrides);

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal(RemediatorMode.Recommend, result.Settings!.Mode);
    }

    [Fact]
    public void Read_InvalidOverride_FailsNamingTheVariable()
    {
        var overrides = new Dictionary<string, string> { [RemediatorVariables.MaxFixesPerHour] = "lots" };

        SettingsResult result = RemediatorSettingsReader.Read(Environment(), overrides);

        Assert.Equal(RemediatorVariables.MaxFixesPerHour, Assert.Single(result.Errors).Variable);
    }

    [Fact]
    public void Read_UnknownOverride_Fails()
    {
        var overrides = new Dictionary<string, string> { ["REMEDIATOR_COLOUR"] = "blue" };

        SettingsResult result = RemediatorSettingsReader.Read(Environment(), overrides);

        Assert.Equal("REMEDIATOR_COLOUR", Assert.Single(result.Errors).Variable);
    }

    [Fact]
    public void Describe_ValidResult_SaysSo()
    {
        Assert.Equal("Configuration is valid.", Read().Describe());
    }
}
