using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Sandbox;

namespace Remediator.Cli.Demo;

/// <summary>
/// The demo's AWS: an in-process sandbox, seeded over the real wire protocols with Remediator's own
/// signed HTTP client, holding the classic outage: a REST API whose integration names its function
/// through a stage variable, and a function that was never given the invoke permission.
/// </summary>
internal sealed class DemoWorld : IAsyncDisposable
{
    public const string FunctionName = "pets-prod";
    public const string TopicName = "remediator-notifications";
    public const string Stage = "prod";
    public const string StageVariable = "petsFunction";
    public const string RequestPath = "/pets/42";

    private readonly AwsClients _clients;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly IDisposable _subscription;
    private readonly ConcurrentQueue<string> _payloads = new();

    private DemoWorld(SandboxServer sandbox)
    {
        Sandbox = sandbox;
        _clients = AwsClients.Create(
            AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = Endpoint }),
            new AwsClientSettings { Region = sandbox.Region, Credentials = Credentials });

        // What a subscription filter on the execution log groups does in AWS: deliver each batch to Remediator.
        _subscription = sandbox.SubscribeToLogs((payload, _) =>
        {
            _payloads.Enqueue(payload);
            return Task.CompletedTask;
        });
    }

    /// <summary>The sandbox's keys (test/test).</summary>
    public static IAwsCredentialsProvider Credentials { get; } = new StaticCredentialsProvider(new AwsCredentials("test", "test"));

    public SandboxServer Sandbox { get; }

    public string Endpoint => Sandbox.BaseUrl.ToString().TrimEnd('/');

    public string FunctionArn => $"arn:aws:lambda:{Sandbox.Region}:{Sandbox.AccountId}:function:{FunctionName}";

    public string IntegrationFunction => $"arn:aws:lambda:{Sandbox.Region}:{Sandbox.AccountId}:function:${{stageVariables.{StageVariable}}}";

    public string TopicArn => $"arn:aws:sns:{Sandbox.Region}:{Sandbox.AccountId}:{TopicName}";

    /// <summary>Subscription payloads delivered so far, oldest first.</summary>
    public IReadOnlyList<string> DeliveredPayloads => [.. _payloads];

    public static async Task<DemoWorld> StartAsync(CancellationToken cancellationToken) =>
        new(await SandboxServer.StartAsync(new SandboxOptions(), cancellationToken).ConfigureAwait(false));

    public async Task CreateFunctionAsync(CancellationToken cancellationToken) =>
        await SendJsonAsync(AwsService.Lambda, "CreateFunction", HttpMethod.Post, "/2015-03-31/functions", new JsonObject
        {
            ["FunctionName"] = FunctionName,
            ["Runtime"] = "python3.12",
            ["Handler"] = "app.handler",
            ["Role"] = $"arn:aws:iam::{Sandbox.AccountId}:role/{FunctionName}-role",
            ["Code"] = new JsonObject { ["ZipFile"] = "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==" },
        }, cancellationToken).ConfigureAwait(false);

    public async Task CreateTopicAsync(CancellationToken cancellationToken) =>
        await _clients.Http.SendAsync(
            AwsQuery.Request(AwsService.Sns, "CreateTopic", "2010-03-31", [new("Name", TopicName)]), cancellationToken).ConfigureAwait(false);

    /// <summary>REST API <c>pets</c>: <c>GET /pets/{id}</c> (AWS_PROXY) → the function the stage variable
    /// names; stage <c>prod</c> sets it and logs executions at INFO. Returns the API id.</summary>
    public async Task<string> CreateApiAsync(CancellationToken cancellationToken)
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
            ["variables"] = new JsonObject { [StageVariable] = FunctionName },
        }, cancellationToken).ConfigureAwait(false);
        await SendJsonAsync(AwsService.ApiGateway, "UpdateStage", HttpMethod.Patch, $"/restapis/{apiId}/stages/{Stage}", new JsonObject
        {
            ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/*/*/logging/loglevel", ["value"] = "INFO" }),
        }, cancellationToken).ConfigureAwait(false);
        return apiId;
    }

    /// <summary>Calls the API through the sandbox's execute-api data plane, as a client on the internet would.</summary>
    public async Task<(int Status, string Body)> CallApiAsync(string apiId, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _http.GetAsync(
            new Uri($"{Endpoint}/restapis/{apiId}/{Stage}/_user_request_{RequestPath}"), cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>SNS messages published so far, as <c>/_sandbox/state</c> records them.</summary>
    public IReadOnlyList<(string Subject, string Message)> SnsMessages()
    {
        using JsonDocument state = JsonDocument.Parse(Sandbox.StateJson());
        return [.. state.RootElement.GetProperty("snsMessages").EnumerateArray().Select(message => (
            message.TryGetProperty("subject", out JsonElement subject) ? subject.GetString() ?? "" : "",
            message.GetProperty("message").GetString() ?? ""))];
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        _clients.Dispose();
        _http.Dispose();
        await Sandbox.DisposeAsync().ConfigureAwait(false);
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
