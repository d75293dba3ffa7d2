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

namespace Remediator.Lambda.Tests.TestSupport;

/// <summary>An in-process sandbox seeded over the real AWS wire protocols (signed with test/test): the
/// outage the product exists for is a REST API whose stage variable names a function that lacks the
/// invoke permission. Subscription payloads of its execution logs are collected.</summary>
public sealed class SandboxWorld : IAsyncDisposable
{
    public const string Account = SandboxOptions.DefaultAccountId;
    public const string Region = SandboxOptions.DefaultRegion;
    public const string Stage = "prod";
    public const string StageVariable = "petsFunction";
    public const string FunctionName = "pets-prod";
    public const string TopicName = "remediator";
    public const string TopicArn = $"arn:aws:sns:{Region}:{Account}:{TopicName}";

    private readonly AwsClients _clients;
    private readonly HttpClient _http = new();
    private readonly IDisposable _subscription;
    private readonly ConcurrentQueue<string> _payloads = new();

    private SandboxWorld(SandboxServer sandbox)
    {
        Sandbox = sandbox;
        _clients = AwsClients.Create(
            AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = Endpoint }),
            new AwsClientSettings { Region = Region, Credentials = new StaticCredentialsProvider(new AwsCredentials("test", "test")) });
        _subscription = sandbox.SubscribeToLogs((payload, _) =>
        {
            _payloads.Enqueue(payload);
            return Task.CompletedTask;
        });
    }

    public SandboxServer Sandbox { get; }

    /// <summary>The value for AWS_ENDPOINT_URL.</summary>
    public string Endpoint => Sandbox.BaseUrl.ToString().TrimEnd('/');

    /// <summary>Subscription payloads delivered so far, oldest first.</summary>
    public IReadOnlyList<string> DeliveredPayloads => [.. _payloads];

    public static async Task<SandboxWorld> StartAsync() => new(await SandboxServer.StartAsync());

    public static string FunctionArn(string name) => $"arn:aws:lambda:{Region}:{Account}:function:{name}";

    public async Task<string> CreateTopicAsync(string name)
    {
        AwsResponse response = await SendAsync(AwsQuery.Request(AwsService.Sns, "CreateTopic", "2010-03-31", [new("Name", name)]));
        return AwsQuery.RequiredElement(response, "TopicArn");
    }

    public Task CreateFunctionAsync(string name) =>
        SendJsonAsync(AwsService.Lambda, "CreateFunction", HttpMethod.Post, "/2015-03-31/functions", new JsonObject
        {
            ["FunctionName"] = name,
            ["Runtime"] = "python3.12",
            ["Handler"] = "app.handler",
            ["Role"] = $"arn:aws:iam::{Account}:role/{name}-role",
            ["Code"] = new JsonObject { ["ZipFile"] = "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==" },
        });

    /// <summary>REST API <c>pets</c>: <c>GET /pets/{id}</c> → AWS_PROXY to
    /// <c>function:${stageVariables.petsFunction}</c>; stage <c>prod</c> sets the variable to
    /// <paramref name="functionName"/> and logs at INFO. Returns the API id.</summary>
    public async Task<string> CreateStageVariableApiAsync(string functionName)
    {
        JsonElement api = await SendJsonAsync(AwsService.ApiGateway, "CreateRestApi", HttpMethod.Post, "/restapis", new JsonObject { ["name"] = "pets" });
        string apiId = api.GetProperty("id").GetString()!;
        string root = api.GetProperty("rootResourceId").GetString()!;
        string pets = (await SendJsonAsync(AwsService.ApiGateway, "CreateResource", HttpMethod.Post, $"/restapis/{apiId}/resources/{root}",
            new JsonObject { ["pathPart"] = "pets" })).GetProperty("id").GetString()!;
        string id = (await SendJsonAsync(AwsService.ApiGateway, "CreateResource", HttpMethod.Post, $"/restapis/{apiId}/resources/{pets}",
            new JsonObject { ["pathPart"] = "{id}" })).GetProperty("id").GetString()!;
        string method = $"/restapis/{apiId}/resources/{id}/methods/GET";
        await SendJsonAsync(AwsService.ApiGateway, "PutMethod", HttpMethod.Put, method, new JsonObject { ["authorizationType"] = "NONE" });
        await SendJsonAsync(AwsService.ApiGateway, "PutIntegration", HttpMethod.Put, method + "/integration", new JsonObject
        {
            ["type"] = "AWS_PROXY",
            ["httpMethod"] = "POST",
            ["uri"] = $"arn:aws:apigateway:{Region}:lambda:path/2015-03-31/functions/{FunctionArn("${stageVariables." + StageVariable + "}")}/invocations",
        });
        await SendJsonAsync(AwsService.ApiGateway, "CreateDeployment", HttpMethod.Post, $"/restapis/{apiId}/deployments", new JsonObject
        {
            ["stageName"] = Stage,
            ["variables"] = new JsonObject { [StageVariable] = functionName },
        });
        await SendJsonAsync(AwsService.ApiGateway, "UpdateStage", HttpMethod.Patch, $"/restapis/{apiId}/stages/{Stage}", new JsonObject
        {
            ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/*/*/logging/loglevel", ["value"] = "INFO" }),
        });
        return apiId;
    }

    /// <summary>Seeds the outage (function <see cref="FunctionName"/> without permission, topic
    /// <see cref="TopicName"/>, the stage-variable API), calls the API once (500) and returns the API id
    /// with the subscription payload the sandbox delivered for that request.</summary>
    public async Task<(string ApiId, string Payload)> SeedOutageAsync()
    {
        await CreateFunctionAsync(FunctionName);
        await CreateTopicAsync(TopicName);
        string apiId = await CreateStageVariableApiAsync(FunctionName);
        (int status, _) = await CallAsync(apiId, "/pets/42");
        Assert.Equal(500, status);
        return (apiId, Assert.Single(DeliveredPayloads));
    }

    /// <summary>Calls the API through the sandbox's data plane (unsigned, like a browser).</summary>
    public async Task<(int Status, string Body)> CallAsync(string apiId, string path)
    {
        using HttpResponseMessage response = await _http.GetAsync(new Uri($"{Endpoint}/restapis/{apiId}/{Stage}/_user_request_{path}"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The sandbox state (<c>GET /_sandbox/state</c>).</summary>
    public JsonElement State()
    {
        using JsonDocument document = JsonDocument.Parse(Sandbox.StateJson());
        return document.RootElement.Clone();
    }

    /// <summary>The statements of the function's unqualified resource policy.</summary>
    public IReadOnlyList<JsonElement> PolicyStatements(string functionName) =>
        State().GetProperty("functions").GetProperty(functionName).GetProperty("policies") is { ValueKind: JsonValueKind.Object } policies
        && policies.TryGetProperty("$LATEST", out JsonElement statements)
            ? [.. statements.EnumerateArray()]
            : [];

    /// <summary>Every SNS message published.</summary>
    public IReadOnlyList<JsonElement> SnsMessages() => [.. State().GetProperty("snsMessages").EnumerateArray()];

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        _clients.Dispose();
        _http.Dispose();
        await Sandbox.DisposeAsync();
    }

    private Task<AwsResponse> SendAsync(AwsRequest request) => _clients.Http.SendAsync(request, CancellationToken.None);

    private async Task<JsonElement> SendJsonAsync(AwsService service, string operation, HttpMethod method, string path, JsonObject body)
    {
        AwsResponse response = await SendAsync(new AwsRequest(
            service, operation, method, path, Body: Encoding.UTF8.GetBytes(body.ToJsonString()), ContentType: "application/json"));
        using JsonDocument document = JsonDocument.Parse(response.Body);
        return document.RootElement.Clone();
    }
}
