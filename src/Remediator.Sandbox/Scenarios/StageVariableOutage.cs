using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Emulation.Credentials;

namespace Remediator.Sandbox.Scenarios;

/// <summary>
/// An in-process sandbox, seeded over the real wire protocols with Remediator's own signed HTTP client (test/test),
/// with the builders for the classic outage: a REST API whose integration names its function through a stage
/// variable, and a function that was never given the invoke permission. Subscription payloads of the execution
/// logs are collected, as a subscription filter would deliver them.
/// </summary>
public sealed class StageVariableOutage : IAsyncDisposable
{
    /// <summary>The stage that sets the variable and logs executions at INFO.</summary>
    public const string Stage = "prod";

    /// <summary>The stage variable that names the function.</summary>
    public const string StageVariable = "petsFunction";

    private readonly AwsClients _clients;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly IDisposable? _subscription;
    private readonly ConcurrentQueue<string> _payloads = new();
    private readonly bool _ownsSandbox;

    private StageVariableOutage(SandboxServer sandbox, string accountId, IAwsCredentialsProvider credentials, bool home)
    {
        Sandbox = sandbox;
        AccountId = accountId;
        _ownsSandbox = home;
        _clients = AwsClients.Create(
            AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = Endpoint }),
            new AwsClientSettings { Region = sandbox.Region, Credentials = credentials });

        // What a subscription filter on the execution log groups does in AWS: deliver each batch (the data plane, and
        // so the execution logs, are the home account's).
        _subscription = home
            ? sandbox.SubscribeToLogs((payload, _) =>
            {
                _payloads.Enqueue(payload);
                return Task.CompletedTask;
            })
            : null;
    }

    /// <summary>The account this view builds in: the sandbox's home account, or the one of <see cref="InAccount"/>.</summary>
    public string AccountId { get; }

    /// <summary>The sandbox's keys (test/test).</summary>
    public static IAwsCredentialsProvider Credentials { get; } = new StaticCredentialsProvider(new AwsCredentials("test", "test"));

    /// <summary>The running sandbox.</summary>
    public SandboxServer Sandbox { get; }

    /// <summary>The value for <c>AWS_ENDPOINT_URL</c>.</summary>
    public string Endpoint => Sandbox.BaseUrl.ToString().TrimEnd('/');

    /// <summary>The function the integration URI names: <c>function:${stageVariables.petsFunction}</c>.</summary>
    public string IntegrationFunction => FunctionArn($"${{stageVariables.{StageVariable}}}");

    /// <summary>Subscription payloads delivered so far, oldest first.</summary>
    public IReadOnlyList<string> DeliveredPayloads => [.. _payloads];

    /// <summary>Starts a sandbox with the default account, region and keys.</summary>
    public static async Task<StageVariableOutage> StartAsync(CancellationToken cancellationToken) =>
        await StartAsync(new SandboxOptions(), cancellationToken).ConfigureAwait(false);

    /// <summary>Starts a sandbox with <paramref name="options"/>; the builders sign with test/test, the home account's default keys.</summary>
    public static async Task<StageVariableOutage> StartAsync(SandboxOptions options, CancellationToken cancellationToken) =>
        Home(await SandboxServer.StartAsync(options, cancellationToken).ConfigureAwait(false));

    private static StageVariableOutage Home(SandboxServer sandbox) => new(sandbox, sandbox.AccountId, Credentials, home: true);

    /// <summary>
    /// The same builders for another account of the sandbox (<see cref="SandboxOptions.OtherAccounts"/>), signing with
    /// that account's <paramref name="credentials"/>. Disposing the view leaves the sandbox running; it collects no payloads.
    /// </summary>
    public StageVariableOutage InAccount(string accountId, IAwsCredentialsProvider credentials) =>
        new(Sandbox, accountId, credentials, home: false);

    /// <summary>The unqualified ARN of function <paramref name="name"/> in this view's account and the sandbox's region.</summary>
    public string FunctionArn(string name) => $"arn:aws:lambda:{Sandbox.Region}:{AccountId}:function:{name}";

    /// <summary>
    /// Creates function <paramref name="name"/> with no resource policy; its owner has opted in to Remediator's fixes
    /// with the tag <c>remediator:managed=true</c> (README, "Security model") and names itself with <c>owner=team-pets</c>,
    /// which notifications carry as their <c>owner</c> attribute.
    /// </summary>
    public async Task CreateFunctionAsync(string name, CancellationToken cancellationToken) =>
        await SendJsonAsync(AwsService.Lambda, "CreateFunction", HttpMethod.Post, "/2015-03-31/functions", new JsonObject
        {
            ["FunctionName"] = name,
            ["Runtime"] = "python3.12",
            ["Handler"] = "app.handler",
            ["Role"] = $"arn:aws:iam::{AccountId}:role/{name}-role",
            ["Code"] = new JsonObject { ["ZipFile"] = "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==" },
            ["Tags"] = new JsonObject { ["remediator:managed"] = "true", ["owner"] = "team-pets" },
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Adds the permission an operator would add by hand: API Gateway may invoke <paramref name="functionName"/> from <paramref name="sourceArn"/>.</summary>
    public Task AllowApiGatewayAsync(string functionName, string sourceArn, CancellationToken cancellationToken) =>
        _clients.Lambda.AddPermissionAsync(
            new Core.Ports.AddPermissionRequest(functionName, "added-by-hand", "lambda:InvokeFunction", "apigateway.amazonaws.com", sourceArn, AccountId, null, null),
            cancellationToken);

    /// <summary>Creates SNS topic <paramref name="name"/> (a FIFO topic when it ends in <c>.fifo</c>) and returns its ARN.</summary>
    public async Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        List<KeyValuePair<string, string>> parameters = [new("Name", name)];
        if (name.EndsWith(".fifo", StringComparison.Ordinal))
        {
            parameters.Add(new("Attributes.entry.1.key", "FifoTopic"));
            parameters.Add(new("Attributes.entry.1.value", "true"));
        }

        AwsResponse response = await _clients.Http.SendAsync(
            AwsQuery.Request(AwsService.Sns, "CreateTopic", "2010-03-31", parameters), cancellationToken).ConfigureAwait(false);
        return AwsQuery.RequiredElement(response, "TopicArn");
    }

    /// <summary>REST API <c>pets</c>: <c>GET /pets/{id}</c> (AWS_PROXY) → <see cref="IntegrationFunction"/>; stage
    /// <see cref="Stage"/> sets <see cref="StageVariable"/> to <paramref name="functionName"/> and logs executions at INFO.
    /// Returns the API id.</summary>
    public async Task<string> CreateApiAsync(string functionName, CancellationToken cancellationToken)
    {
        JsonElement api = await SendJsonAsync(AwsService.ApiGateway, "CreateRestApi", HttpMethod.Post, "/restapis",
            new JsonObject { ["name"] = "pets" }, cancellationToken).ConfigureAwait(false);
        string apiId = api.GetProperty("id").GetString()!;
        string pets = await CreateResourceAsync(apiId, api.GetProperty("rootResourceId").GetString()!, "pets", cancellationToken).ConfigureAwait(false);
        string id = await CreateResourceAsync(apiId, pets, "{id}", cancellationToken).ConfigureAwait(false);
        string method = $"/restapis/{apiId}/resources/{id}/methods/GET";
        await SendJsonAsync(AwsService.ApiGateway, "PutMethod", HttpMethod.Put, method,
            new JsonObject { ["authorizationType"] = "NONE" }, cancellationToken).ConfigureAwait(false);
        await SendJsonAsync(AwsService.ApiGateway, "PutIntegration", HttpMethod.Put, method + "/integration", new JsonObject
        {
            ["type"] = "AWS_PROXY",
            ["httpMethod"] = "POST",
            ["uri"] = $"arn:aws:apigateway:{Sandbox.Region}:lambda:path/2015-03-31/functions/{IntegrationFunction}/invocations",
        }, cancellationToken).ConfigureAwait(false);
        await SendJsonAsync(AwsService.ApiGateway, "CreateDeployment", HttpMethod.Post, $"/restapis/{apiId}/deployments", new JsonObject
        {
            ["stageName"] = Stage,
            ["variables"] = new JsonObject { [StageVariable] = functionName },
        }, cancellationToken).ConfigureAwait(false);
        await SendJsonAsync(AwsService.ApiGateway, "UpdateStage", HttpMethod.Patch, $"/restapis/{apiId}/stages/{Stage}", new JsonObject
        {
            ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/*/*/logging/loglevel", ["value"] = "INFO" }),
        }, cancellationToken).ConfigureAwait(false);
        return apiId;
    }

    /// <summary>Calls <paramref name="path"/> on stage <see cref="Stage"/> through the sandbox's data plane, unsigned, as a
    /// client on the internet would.</summary>
    public async Task<(int Status, string Body)> CallApiAsync(string apiId, string path, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _http.GetAsync(
            new Uri($"{Endpoint}/restapis/{apiId}/{Stage}/_user_request_{path}"), cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The sandbox state, as <c>GET /_sandbox/state</c> returns it.</summary>
    public JsonElement State()
    {
        using JsonDocument document = JsonDocument.Parse(Sandbox.StateJson(AccountId));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _clients.Dispose();
        _http.Dispose();
        if (_ownsSandbox)
        {
            await Sandbox.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<string> CreateResourceAsync(string apiId, string parentId, string pathPart, CancellationToken cancellationToken) =>
        (await SendJsonAsync(AwsService.ApiGateway, "CreateResource", HttpMethod.Post, $"/restapis/{apiId}/resources/{parentId}",
            new JsonObject { ["pathPart"] = pathPart }, cancellationToken).ConfigureAwait(false)).GetProperty("id").GetString()!;

    private async Task<JsonElement> SendJsonAsync(
        AwsService service, string operation, HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        AwsResponse response = await _clients.Http.SendAsync(
            new AwsRequest(service, operation, method, path, Body: Encoding.UTF8.GetBytes(body.ToJsonString()), ContentType: AwsJson.RestJsonContentType),
            cancellationToken).ConfigureAwait(false);
        using JsonDocument document = JsonDocument.Parse(response.Body);
        return document.RootElement.Clone();
    }
}
