using System.CommandLine;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Cli.Commands;
using Remediator.Cli.Operator;
using Remediator.Cli.Tests.TestSupport;
using Remediator.Core.Intake;
using Remediator.Core.Observability;
using Remediator.Emulation.Intake;
using Remediator.Sandbox;

namespace Remediator.Cli.Tests.Commands;

/// <summary><c>remediator replay</c> in-process against a sandbox reached through <c>AWS_ENDPOINT_URL</c>.</summary>
public sealed class ReplayCommandTests : IAsyncLifetime
{
    private const string Stage = "prod";
    private const string RequestId = "3c1d2e3f-1111-4222-8333-444455556666";

    private SandboxServer sandbox = null!;
    private AwsClients clients = null!;
    private Dictionary<string, string> environment = null!;
    private string functionArn = null!;
    private string apiId = null!;
    private string payloadFile = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxServer.StartAsync(new SandboxOptions { Port = 0 });
        environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
            ["AWS_REGION"] = sandbox.Region,
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["REMEDIATOR_SETTLE_SECONDS"] = "0",
        };
        AwsEnvironment aws = AwsEnvironment.FromDictionary(environment);
        clients = AwsClients.Create(aws, new AwsClientSettings { Credentials = new EnvironmentCredentialsProvider(aws) });
        functionArn = $"arn:aws:lambda:{sandbox.Region}:{sandbox.AccountId}:function:pets";
        await SendAsync(AwsService.Lambda, HttpMethod.Post, "/2015-03-31/functions", new JsonObject
        {
            ["FunctionName"] = "pets",
            ["Runtime"] = "python3.12",
            ["Role"] = $"arn:aws:iam::{sandbox.AccountId}:role/lambda",
            ["Handler"] = "app.handler",
            ["Code"] = new JsonObject { ["ZipFile"] = "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==" },

            // Its owner has opted in to Remediator's fixes (README, "Security model").
            ["Tags"] = new JsonObject { ["remediator:managed"] = "true" },
        });
        JsonElement api = await SendAsync(AwsService.ApiGateway, HttpMethod.Post, "/restapis", new JsonObject { ["name"] = "pets" });
        apiId = api.GetProperty("id").GetString()!;
        string root = api.GetProperty("rootResourceId").GetString()!;
        string resource = (await SendAsync(AwsService.ApiGateway, HttpMethod.Post, $"/restapis/{apiId}/resources/{root}", new JsonObject { ["pathPart"] = "pets" })).GetProperty("id").GetString()!;
        await SendAsync(AwsService.ApiGateway, HttpMethod.Put, $"/restapis/{apiId}/resources/{resource}/methods/GET", new JsonObject { ["authorizationType"] = "NONE" });
        await SendAsync(AwsService.ApiGateway, HttpMethod.Put, $"/restapis/{apiId}/resources/{resource}/methods/GET/integration", new JsonObject
        {
            ["type"] = "AWS_PROXY",
            ["httpMethod"] = "POST",
            ["uri"] = $"arn:aws:apigateway:{sandbox.Region}:lambda:path/2015-03-31/functions/{functionArn}/invocations",
        });
        await SendAsync(AwsService.ApiGateway, HttpMethod.Post, $"/restapis/{apiId}/deployments", new JsonObject { ["stageName"] = Stage });

        // The stage writes execution logs, so the replayed lines come from where API Gateway writes them.
        await SendAsync(AwsService.ApiGateway, HttpMethod.Patch, $"/restapis/{apiId}/stages/{Stage}", new JsonObject
        {
            ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/*/*/logging/loglevel", ["value"] = "INFO" }),
        });

        var batch = new LogBatch(
            SubscriptionMessageType.DataMessage,
            sandbox.AccountId,
            $"API-Gateway-Execution-Logs_{apiId}/{Stage}",
            "0123456789abcdef0123456789abcdef",
            ["remediator"],
            [
                new LogEvent("1", 1763703252000, $"({RequestId}) HTTP Method: GET, Resource Path: /pets"),
                new LogEvent("2", 1763703252001, $"({RequestId}) Execution failed due to configuration error: Invalid permissions on Lambda function"),
            ]);
        payloadFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(payloadFile, SubscriptionPayloadEncoder.EncodePayload(batch));
    }

    public async Task DisposeAsync()
    {
        File.Delete(payloadFile);
        clients.Dispose();
        await sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Replay_DefaultMode_ObservesAndWritesNothing()
    {
        CliRun run = Replay("--input", payloadFile, "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using JsonDocument outcome = JsonDocument.Parse(Assert.Single(run.OutputLines));
        Assert.Equal("Observed", outcome.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("PermissionMissing", outcome.RootElement.GetProperty("reason").GetString());
        Assert.Null(await clients.Lambda.GetPolicyAsync(functionArn, null, CancellationToken.None));
    }

    [Fact]
    public async Task Replay_Enforce_FixesAndPrintsEveryJsonField()
    {
        CliRun run = Replay("--input", payloadFile, "--mode", "enforce", "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using JsonDocument outcome = JsonDocument.Parse(Assert.Single(run.OutputLines));
        JsonElement o = outcome.RootElement;
        Assert.Equal(
            ["Fixed", "PermissionMissing", "MissingInvokePermission", apiId, Stage, functionArn],
            new[] { "outcome", "reason", "kind", "apiId", "stage", "functionArn" }.Select(k => o.GetProperty(k).GetString()));
        Assert.Equal(JsonValueKind.Null, o.GetProperty("qualifier").ValueKind);
        Assert.Equal($"arn:aws:execute-api:{sandbox.Region}:{sandbox.AccountId}:{apiId}/prod/GET/pets", o.GetProperty("sourceArn").GetString());
        Assert.StartsWith("remediator-", o.GetProperty("statementId").GetString(), StringComparison.Ordinal);
        Assert.NotNull(await clients.Lambda.GetPolicyAsync(functionArn, null, CancellationToken.None));
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"restapis/{apiId}/{Stage}/_user_request_/pets")).StatusCode);
    }

    [Fact]
    public async Task Replay_Enforce_OneFixCostsNineAwsCallsStsAndTheAccountAliasIncluded()
    {
        var form = new FormUrlEncodedContent([new("Action", "CreateTopic"), new("Version", "2010-03-31"), new("Name", "remediator")]);
        AwsResponse topic = await clients.Http.SendAsync(
            new AwsRequest(AwsService.Sns, "CreateTopic", HttpMethod.Post, "/", null, await form.ReadAsByteArrayAsync(), "application/x-www-form-urlencoded; charset=utf-8"),
            CancellationToken.None);
        string xml = System.Text.Encoding.UTF8.GetString(topic.Body);
        int start = xml.IndexOf("<TopicArn>", StringComparison.Ordinal) + "<TopicArn>".Length;
        environment["REMEDIATOR_TOPIC_ARN"] = xml[start..xml.IndexOf("</TopicArn>", StringComparison.Ordinal)];
        IReadOnlyDictionary<string, int> before = RequestCounts();

        CliRun run = Replay("--input", payloadFile, "--mode", "enforce", "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Dictionary<string, int> calls = RequestCounts().Where(c => c.Value != before.GetValueOrDefault(c.Key))
            .ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key));
        // The engine's seven (the Sandbox tests pin them per scenario), the account lookup, and the account's alias that
        // the first notification of a process reads.
        Assert.Equal(9, calls.Values.Sum());
        Assert.All(calls.Values, count => Assert.Equal(1, count));
        Assert.Equal(1, calls["sts:GetCallerIdentity"]);
        Assert.Equal(1, calls["apigateway:GetExport"]);
        Assert.Equal(1, calls["iam:ListAccountAliases"]);
        Assert.DoesNotContain("lambda:GetFunctionConfiguration", calls.Keys);
    }

    [Fact]
    public void Replay_TextOutputFromStandardInput_PrintsTheOutcomeAndTheFix()
    {
        CliRun run = Replay(File.ReadAllBytes(payloadFile), "--input", "-", "--mode", "recommend");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("Recommended (PermissionMissing)  MissingInvokePermission  " + apiId + "/prod  GET /pets", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains(run.OutputLines, line => line.StartsWith("  apply: aws lambda add-permission", StringComparison.Ordinal));
        Assert.Equal("1 outcome(s) for 2 event(s) in recommend mode: 1 Recommended.", run.OutputLines[^1]);
    }

    [Fact]
    public void Replay_InvalidSetting_FailsNamingTheVariable()
    {
        environment["REMEDIATOR_MAX_FIXES_PER_HOUR"] = "many";

        CliRun run = Replay("--input", payloadFile);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("REMEDIATOR_MAX_FIXES_PER_HOUR", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_NotAPayload_PrintsOneOutcomeAndFails()
    {
        string file = Path.GetTempFileName();
        File.WriteAllText(file, "{\"awslogs\":{\"data\":\"%%%\"}}");

        CliRun run = Replay("--input", file, "--output", "json");
        File.Delete(file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        using JsonDocument outcome = JsonDocument.Parse(Assert.Single(run.OutputLines));
        Assert.Equal("InvalidPayload", outcome.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public void Replay_UnreachableEndpoint_FailsWithAwsFailure()
    {
        environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9";
        environment["REMEDIATOR_SETTLE_SECONDS"] = "0";

        CliRun run = Replay("--input", payloadFile);

        Assert.Equal(ExitCodes.AwsFailure, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public void Replay_Enforce_WritesTheEngineLogLinesToStandardErrorAndOutcomesAloneToStandardOutput()
    {
        CliRun run = Replay("--input", payloadFile, "--mode", "enforce", "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using JsonDocument printed = JsonDocument.Parse(Assert.Single(run.OutputLines));
        JsonElement[] logged = [.. run.ErrorLines.Select(line => JsonDocument.Parse(line).RootElement)];
        JsonElement fix = Assert.Single(logged, line => line.TryGetProperty("outcome", out _));
        Assert.Equal(
            ["fixed", "MissingInvokePermission", apiId, Stage, functionArn, printed.RootElement.GetProperty("statementId").GetString()],
            new[] { "outcome", "kind", "apiId", "stage", "functionArn", "statementId" }.Select(k => fix.GetProperty(k).GetString()));
        Assert.Contains(logged, line => line.TryGetProperty("_aws", out _) && line.GetProperty("Fixed").GetInt32() == 1);
    }

    [Fact]
    public void Replay_InjectedClock_StampsTheLogLinesWithIt()
    {
        // Two minutes back, whole seconds: never the real clock's reading, well inside SigV4's allowed skew.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds());

        CliRun run = Replay(new OperatorOptions { Environment = environment, Clock = new FakeTimeProvider(now) }, "--input", payloadFile);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        JsonElement[] logged = [.. run.ErrorLines.Select(line => JsonDocument.Parse(line).RootElement)];
        JsonElement outcome = Assert.Single(logged, line => line.TryGetProperty("outcome", out _));
        Assert.Equal(StructuredLogFormatter.FormatTimestamp(now), outcome.GetProperty("timestamp").GetString());
        Assert.All(
            logged.Where(line => line.TryGetProperty("_aws", out _)),
            metrics => Assert.Equal(now.ToUnixTimeMilliseconds(), metrics.GetProperty("_aws").GetProperty("Timestamp").GetInt64()));
    }

    [Theory]
    [InlineData("--mode", "fix")]
    [InlineData("--output", "yaml")]
    [InlineData("--bogus")]
    public void Replay_BadCommandLine_IsBadInput(params string[] args)
    {
        CliRun run = Replay(["--input", payloadFile, .. args]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.NotEqual(string.Empty, run.Error);
    }

    [Fact]
    public void Replay_LedgerTableUnreachable_FailsWithAwsFailure()
    {
        environment["REMEDIATOR_LEDGER_TABLE"] = "remediator-ledger";
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9";

        CliRun run = Replay("--input", payloadFile);

        Assert.True(run.ExitCode == ExitCodes.AwsFailure, run.Output + run.Error);
        Assert.StartsWith("remediator replay: ", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_LedgerTableMissing_FailsWithAwsFailure()
    {
        using var dynamo = new MissingTableDynamoDb();
        environment["REMEDIATOR_LEDGER_TABLE"] = "remediator-ledger";
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Endpoint;

        CliRun run = Replay("--input", payloadFile);

        Assert.True(run.ExitCode == ExitCodes.AwsFailure, run.Output + run.Error);
        Assert.Equal("remediator replay: Requested resource not found", run.ErrorLines[^1]);
    }

    private IReadOnlyDictionary<string, int> RequestCounts()
    {
        using JsonDocument state = JsonDocument.Parse(sandbox.StateJson());
        return state.RootElement.GetProperty("requestCounts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
    }

    private CliRun Replay(params string[] args) => Replay([], args);

    private CliRun Replay(byte[] stdin, params string[] args) =>
        CliRun.Execute(console => ReplayCommand.Create(console, environment), ["replay", .. args], stdin);

    private CliRun Replay(OperatorOptions options, params string[] args) =>
        OperatorWorld.RunWith(ReplayCommand.Create, options, ["replay", .. args]);

    private async Task<JsonElement> SendAsync(AwsService service, HttpMethod method, string path, JsonNode body)
    {
        AwsResponse response = await clients.Http.SendAsync(
            new AwsRequest(service, "Setup", method, path, null, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json"), CancellationToken.None);
        using JsonDocument document = JsonDocument.Parse(response.Body);
        return document.RootElement.Clone();
    }
}
