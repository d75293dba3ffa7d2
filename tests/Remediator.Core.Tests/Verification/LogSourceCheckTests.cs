using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Verification;

public class LogSourceCheckTests
{
    private const string Account = "123456789012";
    private const string ApiId = "a1b2c3d4e5";
    private const string Stage = "prod";
    private const string ExecutionGroup = "API-Gateway-Execution-Logs_a1b2c3d4e5/prod";
    private const string AccessGroup = "/aws/apigateway/pets-access";
    private const string Destination = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/pets-access";

    private static readonly ApiTarget Api = new("us-east-1", Account, ApiId);

    // stage: the stage-wide level (methodSettings */* or defaultRouteSettings); override: the method's or route's
    // own level, keyed as API Gateway keys it; key: the override the lines are judged for (null = method unknown).
    [Theory]
    [InlineData(ApiType.Rest, "INFO", null, "~1pets~1{id}/GET", true)]
    [InlineData(ApiType.Rest, "ERROR", null, "~1pets~1{id}/GET", true)]
    [InlineData(ApiType.Rest, "error", null, "~1pets~1{id}/GET", true)]
    [InlineData(ApiType.Rest, "OFF", null, "~1pets~1{id}/GET", false)]
    [InlineData(ApiType.Rest, null, null, "~1pets~1{id}/GET", false)]
    [InlineData(ApiType.Rest, "DEBUG", null, "~1pets~1{id}/GET", false)]
    [InlineData(ApiType.Rest, "OFF", "INFO", "~1pets~1{id}/GET", true)]
    [InlineData(ApiType.Rest, null, "ERROR", "~1pets~1{id}/GET", true)]
    [InlineData(ApiType.Rest, "INFO", "OFF", "~1pets~1{id}/GET", false)]
    [InlineData(ApiType.Rest, "OFF", "INFO", "~1pets/GET", false)]
    [InlineData(ApiType.Rest, "OFF", "INFO", null, true)]
    [InlineData(ApiType.Rest, "OFF", "OFF", null, false)]
    [InlineData(ApiType.Rest, "INFO", "OFF", null, true)]
    [InlineData(ApiType.WebSocket, "INFO", null, "$connect", true)]
    [InlineData(ApiType.WebSocket, "OFF", null, "$connect", false)]
    [InlineData(ApiType.WebSocket, null, null, "$connect", false)]
    [InlineData(ApiType.WebSocket, "OFF", "ERROR", "$connect", true)]
    [InlineData(ApiType.WebSocket, "INFO", "OFF", "$connect", false)]
    [InlineData(ApiType.Http, "INFO", null, null, false)]
    public void Check_ExecutionLog_CountsOnlyWhenTheStageOrOverrideLogs(ApiType type, string? stageLevel, string? overrideLevel, string? key, bool counts)
    {
        string overrideKey = type == ApiType.WebSocket ? "$connect" : "~1pets~1{id}/GET";
        var overrides = overrideLevel is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [overrideKey] = overrideLevel };
        var logging = new StageLogging(stageLevel, overrides, null);

        LogSourceResult result = LogSourceCheck.Check(new LogSource(Account, ExecutionGroup), Api, type, Stage, logging, key);

        Assert.Equal((counts, LogSourceKind.ExecutionLog), (result.Counts, result.Kind));
        Assert.Equal(counts, result.Refusal is null);
    }

    [Theory]
    [InlineData("999999999999", ExecutionGroup, "delivered from account 999999999999")]
    [InlineData(Account, "API-Gateway-Execution-Logs_a1b2c3d4e5/dev", "not for API a1b2c3d4e5 stage prod")]
    [InlineData(Account, "API-Gateway-Execution-Logs_zzzzzzzzzz/prod", "not for API a1b2c3d4e5 stage prod")]
    public void Check_ExecutionLogFromAnotherAccountOrGroup_DoesNotCount(string owner, string group, string expected)
    {
        LogSourceResult result = LogSourceCheck.Check(new LogSource(owner, group), Api, ApiType.Rest, Stage, new StageLogging("INFO", new Dictionary<string, string>(), null), null);

        Assert.False(result.Counts);
        Assert.Contains(expected, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StageLoggingOff_IsIgnoredAsLogSourceMismatchSayingWhy()
    {
        LogSourceResult result = LogSourceCheck.Check(new LogSource(Account, ExecutionGroup), Api, ApiType.Rest, Stage, StageLogging.None, "~1pets/GET");

        Assert.Equal(
            Decision.Ignored(OutcomeReason.LogSourceMismatch, $"stage prod of API {ApiId} logs at OFF (not set), so API Gateway wrote none of the lines in {ExecutionGroup} for it"),
            result.Refusal);
    }

    [Fact]
    public void Check_HttpApiExecutionLines_DoNotCount()
    {
        LogSourceResult result = LogSourceCheck.Check(new LogSource(Account, ExecutionGroup), Api, ApiType.Http, Stage, new StageLogging("INFO", new Dictionary<string, string>(), Destination), null);

        Assert.Contains("HTTP APIs write no execution logs", result.Detail, StringComparison.Ordinal);
    }

    // destination: the stage's accessLogSettings.destinationArn; owner/group: what the subscription message says.
    [Theory]
    [InlineData(Destination, Account, AccessGroup, true)]
    [InlineData(Destination + ":*", Account, AccessGroup, true)]
    [InlineData(Destination, "999999999999", AccessGroup, false)]
    [InlineData(Destination, Account, "/ecs/pets", false)]
    [InlineData(Destination, Account, "/aws/apigateway/pets-access-2", false)]
    [InlineData(Destination, Account, "/aws/apigateway/Pets-Access", false)]
    [InlineData(Destination, Account, "/aws/apigateway/pets", false)]
    [InlineData(Destination, Account, AccessGroup + ":*", false)]
    [InlineData(Destination, Account, Destination, false)]
    [InlineData("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/pets-access", Account, AccessGroup, false)]
    [InlineData("arn:aws:logs:us-east-1:999999999999:log-group:/aws/apigateway/pets-access", "999999999999", AccessGroup, false)]
    [InlineData("arn:aws-cn:logs:us-east-1:123456789012:log-group:/aws/apigateway/pets-access", Account, AccessGroup, false)]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/pets-access:*:*", Account, AccessGroup, false)]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/pets-access/", Account, AccessGroup, false)]
    [InlineData("arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-pets", Account, AccessGroup, false)]
    [InlineData("/aws/apigateway/pets-access", Account, AccessGroup, false)]
    [InlineData(null, Account, AccessGroup, false)]
    public void Check_AccessLog_CountsOnlyFromTheStagesDestination(string? destination, string owner, string group, bool counts)
    {
        var logging = new StageLogging("INFO", new Dictionary<string, string>(), destination);

        LogSourceResult result = LogSourceCheck.Check(new LogSource(owner, group), Api, ApiType.Http, Stage, logging, "GET /pets");

        Assert.Equal((counts, LogSourceKind.AccessLog), (result.Counts, result.Kind));
    }

    [Fact]
    public void Check_AccessLogFromAnUnrelatedGroup_NamesBothGroups()
    {
        var logging = new StageLogging(null, new Dictionary<string, string>(), Destination + ":*");

        LogSourceResult result = LogSourceCheck.Check(new LogSource(Account, "/ecs/orders"), Api, ApiType.Http, "$default", logging, null);

        Assert.Equal(
            $"the lines come from log group /ecs/orders of account {Account}, but stage $default of API {ApiId} writes its access logs to /aws/apigateway/pets-access of account {Account}, region us-east-1",
            result.Detail);
    }

    [Fact]
    public void Check_ResolvedRestTarget_JudgesItsMethodsOverride()
    {
        var logging = new StageLogging("OFF", new Dictionary<string, string> { ["~1pets~1{id}/ANY"] = "ERROR" }, null);
        ResolvedTarget target = Target(ApiType.Rest) with { ResourcePath = "/pets/{id}", HttpMethod = "ANY" };

        Assert.True(LogSourceCheck.Check(new LogSource(Account, ExecutionGroup), target, logging).Counts);
        Assert.False(LogSourceCheck.Check(new LogSource(Account, ExecutionGroup), target with { ResourcePath = "/pets" }, logging).Counts);
    }

    [Fact]
    public void Check_ResolvedWebSocketTarget_JudgesItsRoutesOverride()
    {
        var logging = new StageLogging("OFF", new Dictionary<string, string> { ["sendMessage"] = "INFO" }, null);
        ResolvedTarget target = Target(ApiType.WebSocket) with { RouteKey = "sendMessage" };

        Assert.True(LogSourceCheck.Check(new LogSource(Account, ExecutionGroup), target, logging).Counts);
        Assert.False(LogSourceCheck.Check(new LogSource(Account, ExecutionGroup), target with { RouteKey = "$connect" }, logging).Counts);
    }

    [Fact]
    public void LogSource_Of_TakesOwnerAndGroupOfTheBatch()
    {
        var batch = new LogBatch(SubscriptionMessageType.DataMessage, Account, ExecutionGroup, "stream", ["f"], []);

        Assert.Equal(new LogSource(Account, ExecutionGroup), LogSource.Of(batch));
    }

    [Theory]
    [InlineData("/pets/{id}", "GET", "~1pets~1{id}/GET")]
    [InlineData("/", "GET", "~1/GET")]
    [InlineData("/{proxy+}", "ANY", "~1{proxy+}/ANY")]
    [InlineData("/a~b/c", "POST", "~1a~0b~1c/POST")]
    public void RestMethodSettingKey_EscapesThePathAsApiGatewayKeysMethodSettings(string path, string method, string expected)
    {
        Assert.Equal(expected, LogSourceCheck.RestMethodSettingKey(path, method));
    }

    private static ResolvedTarget Target(ApiType type) => new()
    {
        ApiType = type,
        Api = Api,
        Stage = Stage,
        Kind = TargetKind.Integration,
        Lambda = new UriResolution(UriResolutionStatus.NotLambda, null, [], "an HTTP integration"),
    };
}
