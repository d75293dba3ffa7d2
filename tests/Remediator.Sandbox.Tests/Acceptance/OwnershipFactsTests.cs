using System.Text;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Core.Configuration;
using Remediator.Core.Diagnosis;
using Remediator.Core.Ownership;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;
using Remediator.Emulation.Credentials;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Acceptance;

/// <summary>
/// The facts the ownership and log-source checks need, read from the sandbox through Remediator's own wire clients
/// and judged by the pure evaluators: API tags with GetRestApi/GetApi, function tags with ListTags, stage logging with
/// GetStage. Resources are seeded with the official AWS CLI and the <c>/_sandbox/tags</c> hook (CloudFormation's part).
/// </summary>
public sealed class OwnershipFactsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private const OwnershipProofs Both = OwnershipProofs.Stack | OwnershipProofs.Tag;
    private const string StackId = "arn:aws:cloudformation:us-east-1:000000000000:stack/pets/0a1b2c3d-1111-2222-3333-444455556666";

    private readonly AwsCli _cli = new(sandbox.Server.BaseUrl);
    private readonly AwsClients _aws = AwsClients.Create(
        AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = sandbox.Server.BaseUrl.ToString() }),
        new AwsClientSettings { Region = SandboxApi.Region, Credentials = new StaticCredentialsProvider(new AwsCredentials("test", "test")) });

    [Fact]
    public async Task Stack_BothTaggedByCloudFormation_IsProvenFromTheReadsRemediatorMakes()
    {
        var (apiId, function) = await RestApiAsync("stack-proof");
        SandboxApi.Ok(await sandbox.Client.TagAsAwsAsync($"arn:aws:apigateway:us-east-1::/restapis/{apiId}", ("aws:cloudformation:stack-id", StackId)));
        SandboxApi.Ok(await sandbox.Client.TagAsAwsAsync(function.UnqualifiedArn, ("aws:cloudformation:stack-id", StackId)));

        OwnershipResult result = await EvaluateAsync(ApiType.Rest, apiId, function);

        Assert.Equal((true, OwnershipProofs.Stack), (result.IsProven, result.Proof));
    }

    [Fact]
    public async Task Stack_OnlyTheApiTagged_IsNotProven()
    {
        var (apiId, function) = await RestApiAsync("stack-half");
        SandboxApi.Ok(await sandbox.Client.TagAsAwsAsync($"arn:aws:apigateway:us-east-1::/restapis/{apiId}", ("aws:cloudformation:stack-id", StackId)));

        Assert.False((await EvaluateAsync(ApiType.Rest, apiId, function)).IsProven);
    }

    [Fact]
    public async Task Tag_TheOptInCommandRunWithTheCli_ProvesOwnershipAndKeepsTheOtherApis()
    {
        var (apiId, function) = await RestApiAsync("opt-in");
        await _cli.RunAsync("lambda", "tag-resource", "--resource", function.UnqualifiedArn, "--tags", "remediator:managed=zz11yy22xx");
        OwnershipResult before = await EvaluateAsync(ApiType.Rest, apiId, function);

        await _cli.RunAsync(Arguments(Assert.Single(before.OptInCommands)));
        OwnershipResult after = await EvaluateAsync(ApiType.Rest, apiId, function);
        var tags = await _aws.Lambda.ListTagsAsync(function.UnqualifiedArn, CancellationToken.None);

        Assert.False(before.IsProven);
        Assert.Equal((true, OwnershipProofs.Tag), (after.IsProven, after.Proof));
        Assert.Equal($"zz11yy22xx {apiId}", tags[OwnershipProof.ManagedTag]);
    }

    [Fact]
    public async Task Tag_NamingAnotherHttpApi_DoesNotProveThisOne()
    {
        var function = await FunctionAsync("other-api");
        var apiId = (await _cli.RunAsync("apigatewayv2", "create-api", "--name", "items", "--protocol-type", "HTTP", "--target", function.Arn))!.Value.GetProperty("ApiId").GetString()!;
        await _cli.RunAsync("lambda", "tag-resource", "--resource", function.UnqualifiedArn, "--tags", "remediator:managed=otherapi01");

        OwnershipResult result = await EvaluateAsync(ApiType.Http, apiId, function);

        Assert.False(result.IsProven);
        Assert.Contains("names other APIs only (otherapi01)", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_TrueOnTheFunction_ProvesAWebSocketApi()
    {
        var function = await FunctionAsync("ws-true");
        var apiId = (await _cli.RunAsync("apigatewayv2", "create-api", "--name", "chat", "--protocol-type", "WEBSOCKET", "--route-selection-expression", "$request.body.action"))!.Value.GetProperty("ApiId").GetString()!;
        await _cli.RunAsync("lambda", "tag-resource", "--resource", function.UnqualifiedArn, "--tags", "remediator:managed=true");

        Assert.Equal(OwnershipProofs.Tag, (await EvaluateAsync(ApiType.WebSocket, apiId, function)).Proof);
    }

    [Fact]
    public async Task StageLogging_SetWithTheCli_IsWhatTheClientReadsAndTheCheckJudges()
    {
        var (apiId, _) = await RestApiAsync("logging-facts");
        var source = new LogSource(SandboxApi.Account, $"API-Gateway-Execution-Logs_{apiId}/prod");
        var api = new ApiTarget(SandboxApi.Region, SandboxApi.Account, apiId);
        string key = LogSourceCheck.RestMethodSettingKey("/pets/{id}", "GET");
        StageLogging off = (await _aws.ApiGateway.GetStageAsync(apiId, "prod", CancellationToken.None))!.Logging;

        await _cli.RunAsync("apigateway", "update-stage", "--rest-api-id", apiId, "--stage-name", "prod", "--patch-operations", SandboxApi.CliPatch(
            ("/*/*/logging/loglevel", "OFF"), ("/~1pets~1{id}/GET/logging/loglevel", "ERROR"),
            ("/accessLogSettings/destinationArn", "arn:aws:logs:us-east-1:000000000000:log-group:rest-access")));
        StageLogging on = (await _aws.ApiGateway.GetStageAsync(apiId, "prod", CancellationToken.None))!.Logging;

        Assert.Equal(StageLogging.None, off);
        Assert.Equal(new StageLogging("OFF", new Dictionary<string, string> { [key] = "ERROR" }, "arn:aws:logs:us-east-1:000000000000:log-group:rest-access"), on);
        Assert.False(LogSourceCheck.Check(source, api, ApiType.Rest, "prod", off, key).Counts);
        Assert.True(LogSourceCheck.Check(source, api, ApiType.Rest, "prod", on, key).Counts);
        Assert.False(LogSourceCheck.Check(source, api, ApiType.Rest, "prod", on, LogSourceCheck.RestMethodSettingKey("/pets", "GET")).Counts);
        Assert.True(LogSourceCheck.Check(new LogSource(SandboxApi.Account, "rest-access"), api, ApiType.Rest, "prod", on, key).Counts);
        Assert.False(LogSourceCheck.Check(new LogSource(SandboxApi.Account, "/ecs/forged"), api, ApiType.Rest, "prod", on, key).Counts);
    }

    [Fact]
    public async Task StageLogging_HttpAccessLogDestination_OnlyThatGroupCounts()
    {
        var function = await FunctionAsync("http-facts");
        var apiId = (await _cli.RunAsync("apigatewayv2", "create-api", "--name", "items", "--protocol-type", "HTTP", "--target", function.Arn))!.Value.GetProperty("ApiId").GetString()!;
        await _cli.RunAsync("apigatewayv2", "update-stage", "--api-id", apiId, "--stage-name", "$default",
            "--access-log-settings", $"DestinationArn=arn:aws:logs:us-east-1:000000000000:log-group:/aws/apigateway/{apiId}:*,Format=$context.requestId");
        var api = new ApiTarget(SandboxApi.Region, SandboxApi.Account, apiId);

        StageLogging logging = (await _aws.ApiGatewayV2.GetStageAsync(apiId, "$default", CancellationToken.None))!.Logging;

        Assert.True(LogSourceCheck.Check(new LogSource(SandboxApi.Account, $"/aws/apigateway/{apiId}"), api, ApiType.Http, "$default", logging, "$default").Counts);
        Assert.False(LogSourceCheck.Check(new LogSource(SandboxApi.Account, "/ecs/pets"), api, ApiType.Http, "$default", logging, "$default").Counts);
        Assert.False(LogSourceCheck.Check(new LogSource(SandboxApi.Account, $"API-Gateway-Execution-Logs_{apiId}/$default"), api, ApiType.Http, "$default", logging, "$default").Counts);
    }

    public void Dispose()
    {
        _aws.Dispose();
        _cli.Dispose();
    }

    private async Task<OwnershipResult> EvaluateAsync(ApiType type, string apiId, LambdaFunctionArn function)
    {
        IReadOnlyDictionary<string, string> apiTags = type == ApiType.Rest
            ? (await _aws.ApiGateway.GetRestApiAsync(apiId, CancellationToken.None))!.Tags
            : (await _aws.ApiGatewayV2.GetApiAsync(apiId, CancellationToken.None))!.Tags;
        var functionTags = await _aws.Lambda.ListTagsAsync(function.UnqualifiedArn, CancellationToken.None);
        return OwnershipProof.Evaluate(Both, new ApiTarget(SandboxApi.Region, SandboxApi.Account, apiId), function, apiTags, functionTags);
    }

    private async Task<LambdaFunctionArn> FunctionAsync(string name)
    {
        await sandbox.Client.CreateFunctionAsync(name);
        return LambdaFunctionArn.Parse(SandboxApi.FunctionArn(name)).Value!;
    }

    private async Task<(string ApiId, LambdaFunctionArn Function)> RestApiAsync(string name)
    {
        var function = await FunctionAsync(name);
        return ((await sandbox.Client.CreatePetsApiAsync(SandboxApi.LambdaUri(function.Arn))).ApiId, function);
    }

    // The printed command's words, as a POSIX shell reads them (the command only single-quotes, with '\'' inside).
    private static string[] Arguments(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < command.Length; i++)
        {
            char c = command[i];
            if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == '\\' && !quoted && i + 1 < command.Length)
            {
                word.Append(command[++i]);
            }
            else if (c == ' ' && !quoted)
            {
                if (any || word.Length > 0)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
            }
        }

        words.Add(word.ToString());
        Assert.Equal("aws", words[0]);
        return [.. words.Skip(1)];
    }
}
