using Remediator.Core.Configuration;
using Remediator.Core.Engine;
using Remediator.Core.Intake;
using Remediator.Core.Ledger;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Fakes;

namespace Remediator.Core.Tests.Engine;

/// <summary>
/// One account's worth of fakes and the log lines API Gateway writes, for engine tests:
/// REST API <see cref="RestApiId"/> (stage prod), HTTP API <see cref="HttpApiId"/>, WebSocket API <see cref="WsApiId"/>.
/// </summary>
internal sealed class EngineWorld
{
    public const string Account = "123456789012";
    public const string OtherAccount = "999999999999";
    public const string Region = "us-east-1";
    public const string RestApiId = "a1b2c3d4e5";
    public const string HttpApiId = "h7g6f5e4d3";
    public const string WsApiId = "w9x8y7z6v5";
    public const string Stage = "prod";
    public const string LogStream = "e369853df766fa44e1ed0ff613f563bd";
    public const string Topic = "arn:aws:sns:us-east-1:123456789012:remediator";
    public const long Start = 1763703252000;

    public static readonly string Pets = Function("pets-handler");

    public InMemoryLambda Lambda { get; } = new();

    public InMemoryApiGateway Rest { get; } = new();

    public InMemoryApiGatewayV2 V2 { get; } = new();

    public InMemoryCloudWatchLogs Logs { get; } = new();

    public RecordingSnsPublisher Sns { get; } = new();

    public InMemoryOpsCenter OpsCenter { get; } = new();

    /// <summary>IAM's account alias; none unless a test sets it.</summary>
    public FakeIam? Iam { get; init; }

    public RecordingLogSink Sink { get; } = new();

    public SteppingTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(Start).AddMinutes(1));

    public ILedger Ledger { get; set; }

    public RemediatorSettings Settings { get; set; } = new()
    {
        Mode = RemediatorMode.Enforce,
        TopicArn = Topic,
        SettleDelay = TimeSpan.Zero,
    };

    public EngineOptions Options { get; set; } = new() { AccountId = Account, Region = Region };

    public EngineWorld() => Ledger = new InMemoryLedger(Time);

    /// <summary>Puts a <see cref="RecordingLedger"/> in front of the ledger and returns it.</summary>
    public RecordingLedger RecordLedger()
    {
        var recording = new RecordingLedger(Ledger);
        Ledger = recording;
        return recording;
    }

    /// <summary>Every call the engine made so far, by service and operation (the ledger's when it is recorded).</summary>
    public IReadOnlyDictionary<string, int> CallCounts()
    {
        IEnumerable<string> calls = Lambda.Calls.Select(c => "lambda:" + c)
            .Concat(Rest.Calls.Select(c => "apigateway:" + c))
            .Concat(V2.Calls.Select(c => "apigatewayv2:" + c))
            .Concat(Logs.Queries.Select(_ => "logs:FilterLogEvents"))
            .Concat(Sns.Published.Select(_ => "sns:Publish"))
            .Concat(Ledger is RecordingLedger ledger ? ledger.Calls.Select(c => "ledger:" + c.Operation) : []);
        return calls.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>The ledger's only record (the tests that use it remediate one root cause).</summary>
    public async Task<LedgerRecord> SingleRecordAsync() =>
        Assert.Single(await Ledger.ListAsync(CancellationToken.None).ToListAsync());

    public static string Function(string name, string? qualifier = null, string account = Account) =>
        $"arn:aws:lambda:{Region}:{account}:function:{name}{(qualifier is null ? string.Empty : ":" + qualifier)}";

    /// <summary>The REST integration URI for a function (ARN or text with stage variable references).</summary>
    public static string InvokeUri(string functionArn) =>
        $"arn:aws:apigateway:{Region}:lambda:path/2015-03-31/functions/{functionArn}/invocations";

    public static RestIntegration Proxy(string functionArn, string? credentials = null) =>
        new("AWS_PROXY", InvokeUri(functionArn), credentials, "POST");

    /// <summary>REST API with <c>GET /pets/{id}</c> on <see cref="Pets"/>, deployed to prod.</summary>
    public EngineWorld WithPetsApi(IReadOnlyDictionary<string, string>? variables = null)
    {
        Lambda.AddFunction(Pets);
        Rest.AddApi(RestApiId).AddStage(RestApiId, Stage, variables).AddMethod(RestApiId, "/pets/{id}", "GET", Proxy(Pets));
        return this;
    }

    public RemediationEngine Engine() => new(Dependencies(), Settings, Options);

    public EngineDependencies Dependencies() => new()
    {
        Lambda = Lambda,
        RestApis = Rest,
        V2Apis = V2,
        Logs = Logs,
        Ledger = Ledger,
        Notifications = Sns,
        OpsCenter = OpsCenter,
        Iam = Iam,
        LogSink = Sink,
        Time = Time,
    };

    public Task<EngineResult> RunAsync(LogBatch batch, string invocation = "invocation-1") =>
        Engine().ProcessAsync(batch, invocation, CancellationToken.None);

    public static LogBatch Batch(string logGroup, IEnumerable<string> messages, string owner = Account) => new(
        SubscriptionMessageType.DataMessage,
        owner,
        logGroup,
        LogStream,
        ["remediator"],
        messages.Select((message, i) => new LogEvent($"{i:D56}", Start + i, message)).ToArray());

    public static string ExecutionGroup(string apiId, string stage = Stage) => $"API-Gateway-Execution-Logs_{apiId}/{stage}";

    /// <summary>A REST batch of execution-log lines.</summary>
    public static LogBatch RestBatch(params string[] lines) => Batch(ExecutionGroup(RestApiId), lines);

    /// <summary>The INFO-level lines of one REST request whose integration (or authorizer) was refused.</summary>
    public static string[] RestFailure(string requestId, string method, string path, string? loggedFunction, bool authorizer = false)
    {
        var lines = new List<string> { $"({requestId}) HTTP Method: {method}, Resource Path: {path}" };
        if (loggedFunction is not null)
        {
            lines.Add($"({requestId}) Endpoint request URI: https://lambda.{Region}.amazonaws.com/2015-03-31/functions/{loggedFunction}/invocations");
        }

        lines.Add($"({requestId}) Execution failed due to configuration error: Invalid permissions on Lambda function");
        if (authorizer)
        {
            lines.Add($"({requestId}) Execution failed due to configuration error: Authorizer error");
        }

        lines.Add($"({requestId}) Method completed with status: 500");
        return [.. lines];
    }

    /// <summary>
    /// The INFO-level lines of one REST request that reached <paramref name="loggedFunction"/> and failed with
    /// <paramref name="failureLine"/> (a 502 the function causes), with the logged response body when given.
    /// </summary>
    public static string[] RestFunctionFailure(string requestId, string method, string path, string loggedFunction, string failureLine, string? responseBody = null) =>
    [
        $"({requestId}) HTTP Method: {method}, Resource Path: {path}",
        $"({requestId}) Endpoint request URI: https://lambda.{Region}.amazonaws.com/2015-03-31/functions/{loggedFunction}/invocations",
        .. responseBody is null ? Array.Empty<string>() : [$"({requestId}) Endpoint response body before transformations: {responseBody}"],
        $"({requestId}) {failureLine}",
        $"({requestId}) Method completed with status: 502",
    ];

    /// <summary>The ERROR-level line of a refused REST request (no context).</summary>
    public static string ErrorOnly(string requestId) =>
        $"({requestId}) Execution failed due to configuration error: Invalid permissions on Lambda function";

    /// <summary>A WebSocket request refused on <paramref name="routeKey"/>.</summary>
    public static string[] WebSocketFailure(string requestId, string routeKey, string? loggedFunction) =>
    [
        $"({requestId}) WebSocket Request Route: [{routeKey}]",
        .. loggedFunction is null ? Array.Empty<string>() : [$"({requestId}) Endpoint request URI: https://lambda.{Region}.amazonaws.com/2015-03-31/functions/{loggedFunction}/invocations"],
        $"({requestId}) Execution failed due to configuration error: Invalid permissions on Lambda function",
    ];

    /// <summary>An HTTP API access-log line (recommended JSON format) of a refused integration or authorizer.</summary>
    public static string HttpAccessLine(string requestId, string routeKey, string method, string path, string stage = "$default", bool authorizer = false, string apiId = HttpApiId)
    {
        string message = authorizer
            ? "The IAM role configured on the authorizer or API Gateway doesn't have permissions to call the authorizer. Check the permissions and try again."
            : "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.";
        string field = authorizer ? "authorizerError" : "integrationErrorMessage";
        return $"{{\"requestId\":\"{requestId}\",\"apiId\":\"{apiId}\",\"stage\":\"{stage}\",\"routeKey\":\"{routeKey}\",\"httpMethod\":\"{method}\",\"path\":\"{path}\",\"status\":\"500\",\"{field}\":\"{message}\"}}";
    }

    public static LogBatch HttpBatch(params string[] lines) => Batch("/aws/vendedlogs/apigateway/items/access", lines);
}
