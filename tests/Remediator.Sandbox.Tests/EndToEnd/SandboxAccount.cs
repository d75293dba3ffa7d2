using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Core.Configuration;
using Remediator.Core.Engine;
using Remediator.Core.Ledger;
using Remediator.Core.Observability;
using Remediator.Core.Ports;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// One sandbox account seen through Remediator's own wire clients (real HTTP, SigV4): builders for functions and
/// APIs, calls to the simulated data plane, the subscription payloads it delivers, request counts, and engines.
/// </summary>
public sealed class SandboxAccount : IAsyncLifetime
{
    public const string Role = "arn:aws:iam::000000000000:role/lambda-role";
    private const string EmptyZip = "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==";

    private readonly ConcurrentQueue<string> payloads = new();
    private readonly List<IDisposable> subscriptions = [];
    private HttpClient? http;
    private string? subscribedPattern;

    public SandboxServer Server { get; private set; } = null!;

    public AwsClients Clients { get; private set; } = null!;

    public string AccountId => Server.AccountId;

    public string Region => Server.Region;

    /// <summary>The environment a CLI or host would see to reach this sandbox.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = Server.BaseUrl.ToString().TrimEnd('/'),
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
    };

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0, Seed = 7, RecordExchanges = true });
        Clients = AwsClients.Create(
            AwsEnvironment.FromDictionary(Environment),
            new AwsClientSettings { Credentials = new EnvironmentCredentialsProvider(AwsEnvironment.FromDictionary(Environment)) });
        http = new HttpClient { BaseAddress = Server.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        foreach (IDisposable subscription in subscriptions)
        {
            subscription.Dispose();
        }

        http?.Dispose();
        Clients.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>
    /// Starts a test from an empty account, capturing log deliveries from every log group: every line, or only those
    /// <paramref name="filterPattern"/> matches (the template's pattern delivers what a deployed subscription does).
    /// </summary>
    public void Reset(string? filterPattern = null)
    {
        Server.Reset();
        payloads.Clear();
        if (subscriptions.Count == 0 || !string.Equals(subscribedPattern, filterPattern, StringComparison.Ordinal))
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
            subscriptions.Add(Server.SubscribeToLogs(DeliverAsync, logGroupNamePrefix: string.Empty, filterPattern: filterPattern));
            subscribedPattern = filterPattern;
        }
    }

    /// <summary>Subscription payloads delivered since the last <see cref="TakePayloads"/>, oldest first.</summary>
    public IReadOnlyList<string> TakePayloads()
    {
        var taken = new List<string>();
        while (payloads.TryDequeue(out string? payload))
        {
            taken.Add(payload);
        }

        return taken;
    }

    public string FunctionArn(string name, string? qualifier = null) =>
        $"arn:aws:lambda:{Region}:{AccountId}:function:{name}{(qualifier is null ? string.Empty : ":" + qualifier)}";

    public string InvokeUri(string functionArn) =>
        $"arn:aws:apigateway:{Region}:lambda:path/2015-03-31/functions/{functionArn}/invocations";

    /// <summary>Creates a function; unless <paramref name="managed"/> is false its owner has opted in (<c>remediator:managed=true</c>).</summary>
    public async Task<string> CreateFunctionAsync(string name, bool publish = false, IReadOnlyDictionary<string, string>? tags = null, bool managed = true)
    {
        var body = new JsonObject
        {
            ["FunctionName"] = name,
            ["Runtime"] = "python3.12",
            ["Role"] = Role,
            ["Handler"] = "app.handler",
            ["Code"] = new JsonObject { ["ZipFile"] = EmptyZip },
            ["Publish"] = publish,
        };
        var all = new Dictionary<string, string>(tags ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (managed)
        {
            all.TryAdd("remediator:managed", "true");
        }

        if (all.Count > 0)
        {
            body["Tags"] = new JsonObject(all.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
        }

        await SendAsync(AwsService.Lambda, "CreateFunction", HttpMethod.Post, "/2015-03-31/functions", body);
        return FunctionArn(name);
    }

    public Task CreateAliasAsync(string function, string alias, string version) =>
        SendAsync(AwsService.Lambda, "CreateAlias", HttpMethod.Post, $"/2015-03-31/functions/{function}/aliases", new JsonObject { ["Name"] = alias, ["FunctionVersion"] = version });

    /// <summary>A permission as the console adds it (not a Remediator statement).</summary>
    public Task AllowApiAsync(string functionArn, string sourceArn, string statementId = "console-added", string? qualifier = null) =>
        Clients.Lambda.AddPermissionAsync(
            new AddPermissionRequest(functionArn, statementId, "lambda:InvokeFunction", "apigateway.amazonaws.com", sourceArn, null, qualifier, null),
            CancellationToken.None);

    public async Task<IReadOnlyList<string>> StatementIdsAsync(string functionArn, string? qualifier = null)
    {
        FunctionPolicy? policy = await Clients.Lambda.GetPolicyAsync(functionArn, qualifier, CancellationToken.None);
        if (policy is null)
        {
            return [];
        }

        using JsonDocument document = JsonDocument.Parse(policy.PolicyJson);
        return document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.GetProperty("Sid").GetString()!).ToArray();
    }

    /// <summary>A REST API whose methods are given as (verb, path, integration URI, credentials, authorizer id).</summary>
    public RestApiBuilder RestApi(string name = "pets") => new(this, name);

    public V2ApiBuilder HttpApi(string name = "items") => new(this, name, "HTTP");

    public V2ApiBuilder WebSocketApi(string name = "chat") => new(this, name, "WEBSOCKET");

    /// <summary>Points a method of the draft at <paramref name="uri"/> (PutIntegration) without deploying it.</summary>
    public async Task RepointDraftMethodAsync(string apiId, string verb, string path, string uri)
    {
        JsonElement resources = await SendAsync(AwsService.ApiGateway, "GetResources", HttpMethod.Get, $"/restapis/{apiId}/resources");
        string resourceId = resources.GetProperty("item").EnumerateArray().Single(r => r.GetProperty("path").GetString() == path).GetProperty("id").GetString()!;
        await SendAsync(
            AwsService.ApiGateway,
            "PutIntegration",
            HttpMethod.Put,
            $"/restapis/{apiId}/resources/{resourceId}/methods/{verb}/integration",
            new JsonObject { ["type"] = "AWS_PROXY", ["httpMethod"] = "POST", ["uri"] = uri });
    }

    /// <summary>Deploys the draft to <paramref name="stage"/> again (CreateDeployment).</summary>
    public Task RedeployAsync(string apiId, string stage) =>
        SendAsync(AwsService.ApiGateway, "CreateDeployment", HttpMethod.Post, $"/restapis/{apiId}/deployments", new JsonObject { ["stageName"] = stage });

    /// <summary>Points an authorizer of the draft at <paramref name="uri"/> (UpdateAuthorizer) without deploying it.</summary>
    public Task RepointDraftAuthorizerAsync(string apiId, string authorizerId, string uri) =>
        SendAsync(
            AwsService.ApiGateway,
            "UpdateAuthorizer",
            HttpMethod.Patch,
            $"/restapis/{apiId}/authorizers/{authorizerId}",
            new JsonObject { ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/authorizerUri", ["value"] = uri }) });

    public async Task<string> CreateTopicAsync(string name = "remediator")
    {
        var form = new FormUrlEncodedContent([new("Action", "CreateTopic"), new("Version", "2010-03-31"), new("Name", name)]);
        byte[] body = await form.ReadAsByteArrayAsync();
        AwsResponse response = await Clients.Http.SendAsync(
            new AwsRequest(AwsService.Sns, "CreateTopic", HttpMethod.Post, "/", null, body, "application/x-www-form-urlencoded; charset=utf-8"),
            CancellationToken.None);
        string xml = Encoding.UTF8.GetString(response.Body);
        int start = xml.IndexOf("<TopicArn>", StringComparison.Ordinal) + "<TopicArn>".Length;
        return xml[start..xml.IndexOf("</TopicArn>", StringComparison.Ordinal)];
    }

    /// <summary>Gives the account an IAM alias through IAM's public CreateAccountAlias, as its administrator would.</summary>
    public async Task CreateAccountAliasAsync(string alias)
    {
        var form = new FormUrlEncodedContent([new("Action", "CreateAccountAlias"), new("Version", "2010-05-08"), new("AccountAlias", alias)]);
        await Clients.Http.SendAsync(
            new AwsRequest(AwsService.Iam, "CreateAccountAlias", HttpMethod.Post, "/", null, await form.ReadAsByteArrayAsync(), "application/x-www-form-urlencoded; charset=utf-8"),
            CancellationToken.None);
    }

    /// <summary>Declares through the sandbox's test hook that IAM role <paramref name="roleArn"/> may invoke <paramref name="functionArn"/>.</summary>
    public async Task AllowRoleToInvokeAsync(string roleArn, string functionArn)
    {
        using var content = new StringContent(new JsonObject { ["roleArn"] = roleArn, ["functionArn"] = functionArn }.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http!.PostAsync("_sandbox/role-permissions", content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Declares through the sandbox's test hook which services IAM role <paramref name="roleArn"/>'s trust policy names.</summary>
    public async Task SetRoleTrustAsync(string roleArn, params string[] trustedServices)
    {
        using var content = new StringContent(
            new JsonObject { ["roleArn"] = roleArn, ["trustedServices"] = new JsonArray([.. trustedServices.Select(s => (JsonNode)s)]) }.ToJsonString(),
            Encoding.UTF8,
            "application/json");
        using HttpResponseMessage response = await http!.PostAsync("_sandbox/role-trust", content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Lambda's PutFunctionConcurrency, as the function's owner would call it (0 throttles every invocation).</summary>
    public Task ReserveConcurrencyAsync(string function, int reserved) =>
        SendAsync(AwsService.Lambda, "PutFunctionConcurrency", HttpMethod.Put, $"/2017-10-31/functions/{function}/concurrency", new JsonObject { ["ReservedConcurrentExecutions"] = reserved });

    /// <summary>Lambda's DeleteFunctionConcurrency: the function shares the account's unreserved concurrency again.</summary>
    public Task RemoveReservedConcurrencyAsync(string function) =>
        SendAsync(AwsService.Lambda, "DeleteFunctionConcurrency", HttpMethod.Delete, $"/2017-10-31/functions/{function}/concurrency");

    /// <summary>Calls the simulated execute-api endpoint and returns the status code.</summary>
    public async Task<HttpStatusCode> CallAsync(string apiId, string stage, string method, string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"restapis/{apiId}/{Uri.EscapeDataString(stage)}/_user_request_{path}");
        foreach ((string name, string value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using HttpResponseMessage response = await http!.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Requests per <c>service:Operation</c> so far.</summary>
    public IReadOnlyDictionary<string, int> RequestCounts()
    {
        using JsonDocument state = JsonDocument.Parse(Server.StateJson());
        return state.RootElement.GetProperty("requestCounts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
    }

    /// <summary>SNS messages published so far.</summary>
    public IReadOnlyList<JsonElement> SnsMessages()
    {
        using JsonDocument state = JsonDocument.Parse(Server.StateJson());
        return state.RootElement.GetProperty("snsMessages").EnumerateArray().Select(m => m.Clone()).ToArray();
    }

    /// <summary>OpsItems so far, as <c>/_sandbox/state</c> records them.</summary>
    public IReadOnlyList<JsonElement> OpsItems()
    {
        using JsonDocument state = JsonDocument.Parse(Server.StateJson());
        return state.RootElement.GetProperty("opsItems").EnumerateObject().Select(item => item.Value.Clone()).ToArray();
    }

    /// <summary>Everything a deployed Remediator builds, from the environment a host in this account would see (the OpsCenter SDK client included).</summary>
    public RemediatorServices Services(RemediatorSettings settings) =>
        RemediatorServices.Create(settings, AwsEnvironment.FromDictionary(Environment), TimeProvider.System, new NullLogSink());

    /// <summary>An engine over this account's wire clients.</summary>
    public RemediationEngine Engine(RemediatorSettings settings, ILedger? ledger = null, EngineOptions? options = null) => new(
        new EngineDependencies
        {
            Lambda = Clients.Lambda,
            RestApis = Clients.ApiGateway,
            V2Apis = Clients.ApiGatewayV2,
            Logs = Clients.Logs,
            Notifications = Clients.Sns,
            Iam = Clients.Iam,
            Ledger = ledger ?? new InMemoryLedger(TimeProvider.System),
        },
        settings,
        options ?? new EngineOptions { AccountId = AccountId, Region = Region });

    /// <summary>Tags a function through Lambda's public TagResource, as its owner would.</summary>
    public Task TagFunctionAsync(string functionArn, string key, string value) =>
        SendAsync(AwsService.Lambda, "TagResource", HttpMethod.Post, $"/2017-03-31/tags/{Uri.EscapeDataString(functionArn)}", new JsonObject { ["Tags"] = new JsonObject { [key] = value } });

    /// <summary>Sets the <c>aws:cloudformation:stack-id</c> tag on a function or API, as CloudFormation would (the sandbox's test hook).</summary>
    public async Task SetTagsAsCloudFormationAsync(string resourceArn, string stackId)
    {
        using var content = new StringContent(
            new JsonObject { ["resourceArn"] = resourceArn, ["tags"] = new JsonObject { ["aws:cloudformation:stack-id"] = stackId } }.ToJsonString(),
            Encoding.UTF8,
            "application/json");
        using HttpResponseMessage response = await http!.PostAsync("_sandbox/tags", content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Writes lines into a log group (created unless it exists) with PutLogEvents, as anyone with logs:PutLogEvents could.</summary>
    public async Task PutLogEventsAsync(string logGroup, IReadOnlyList<string> messages)
    {
        await CreateUnlessExistsAsync("CreateLogGroup", new JsonObject { ["logGroupName"] = logGroup });
        await CreateUnlessExistsAsync("CreateLogStream", new JsonObject { ["logGroupName"] = logGroup, ["logStreamName"] = "forged" });
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await LogsAsync("PutLogEvents", new JsonObject
        {
            ["logGroupName"] = logGroup,
            ["logStreamName"] = "forged",
            ["logEvents"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject { ["timestamp"] = now, ["message"] = m })]),
        });
    }

    private async Task CreateUnlessExistsAsync(string operation, JsonObject body)
    {
        try
        {
            await LogsAsync(operation, body);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceAlreadyExistsException")
        {
            // The data plane already wrote there: forged lines join real ones.
        }
    }

    private async Task LogsAsync(string operation, JsonObject body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        await Clients.Http.SendAsync(
            new AwsRequest(AwsService.Logs, operation, HttpMethod.Post, "/", null, bytes, "application/x-amz-json-1.1", [new("X-Amz-Target", $"Logs_20140328.{operation}")]),
            CancellationToken.None);
    }

    internal async Task<JsonElement> SendAsync(AwsService service, string operation, HttpMethod method, string path, JsonNode? body = null)
    {
        byte[]? bytes = body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString());
        AwsResponse response = await Clients.Http.SendAsync(new AwsRequest(service, operation, method, path, null, bytes, bytes is null ? null : "application/json"), CancellationToken.None);
        if (response.Body.Length == 0)
        {
            return default;
        }

        using JsonDocument document = JsonDocument.Parse(response.Body);
        return document.RootElement.Clone();
    }

    private Task DeliverAsync(string payload, CancellationToken cancellationToken)
    {
        payloads.Enqueue(payload);
        return Task.CompletedTask;
    }

    private sealed class NullLogSink : ILogSink
    {
        public void WriteLine(string line)
        {
        }
    }
}
