using System.Text.Json;
using Remediator.Sandbox;
using Remediator.Sandbox.Scenarios;

namespace Remediator.Lambda.Tests.TestSupport;

/// <summary>The sandbox's <see cref="StageVariableOutage"/> (the outage the product exists for: a REST API whose
/// stage variable names a function that lacks the invoke permission), with this project's names and the reads its
/// tests assert on.</summary>
public sealed class SandboxWorld : IAsyncDisposable
{
    public const string Account = SandboxOptions.DefaultAccountId;
    public const string Region = SandboxOptions.DefaultRegion;
    public const string Stage = StageVariableOutage.Stage;
    public const string StageVariable = StageVariableOutage.StageVariable;
    public const string FunctionName = "pets-prod";
    public const string TopicName = "remediator";
    public const string TopicArn = $"arn:aws:sns:{Region}:{Account}:{TopicName}";

    private readonly StageVariableOutage _outage;

    /// <summary>A FIFO topic's name (SNS requires the <c>.fifo</c> suffix of FIFO topics).</summary>
    public const string FifoTopicName = "remediator.fifo";

    private SandboxWorld(StageVariableOutage outage, string topicName)
    {
        _outage = outage;
        Topic = topicName;
    }

    /// <summary>The topic's name this world creates and the function publishes to.</summary>
    public string Topic { get; }

    /// <summary>The ARN of <see cref="Topic"/>.</summary>
    public string TopicArnOfWorld => $"arn:aws:sns:{Region}:{Account}:{Topic}";

    public SandboxServer Sandbox => _outage.Sandbox;

    /// <summary>The value for AWS_ENDPOINT_URL.</summary>
    public string Endpoint => _outage.Endpoint;

    /// <summary>Subscription payloads delivered so far, oldest first.</summary>
    public IReadOnlyList<string> DeliveredPayloads => _outage.DeliveredPayloads;

    public static async Task<SandboxWorld> StartAsync(string topicName = TopicName) => new(await StageVariableOutage.StartAsync(CancellationToken.None), topicName);

    public static string FunctionArn(string name) => $"arn:aws:lambda:{Region}:{Account}:function:{name}";

    /// <summary>Seeds the outage (function <see cref="FunctionName"/> without permission, topic
    /// <see cref="TopicName"/>, the stage-variable API), calls the API once (500) and returns the API id
    /// with the subscription payload the sandbox delivered for that request.</summary>
    public async Task<(string ApiId, string Payload)> SeedOutageAsync()
    {
        await _outage.CreateFunctionAsync(FunctionName, CancellationToken.None);
        await _outage.CreateTopicAsync(Topic, CancellationToken.None);
        string apiId = await _outage.CreateApiAsync(FunctionName, CancellationToken.None);
        (int status, _) = await CallAsync(apiId, "/pets/42");
        Assert.Equal(500, status);
        return (apiId, Assert.Single(DeliveredPayloads));
    }

    /// <summary>Calls the API through the sandbox's data plane (unsigned, like a browser).</summary>
    public Task<(int Status, string Body)> CallAsync(string apiId, string path) => _outage.CallApiAsync(apiId, path, CancellationToken.None);

    /// <summary>The sandbox state (<c>GET /_sandbox/state</c>).</summary>
    public JsonElement State() => _outage.State();

    /// <summary>The statements of the function's unqualified resource policy.</summary>
    public IReadOnlyList<JsonElement> PolicyStatements(string functionName) =>
        State().GetProperty("functions").GetProperty(functionName).GetProperty("policies") is { ValueKind: JsonValueKind.Object } policies
        && policies.TryGetProperty("$LATEST", out JsonElement statements)
            ? [.. statements.EnumerateArray()]
            : [];

    /// <summary>
    /// What Lambda and the template set for the published function, in enforce mode, with this sandbox as AWS and the
    /// Runtime API at <paramref name="runtimeAddress"/>.
    /// </summary>
    public Dictionary<string, string> FunctionVariables(string runtimeAddress, int settleSeconds) => new(StringComparer.Ordinal)
    {
        [Remediator.Lambda.Runtime.RuntimeApiConstants.RuntimeApiVariable] = runtimeAddress,
        ["AWS_LAMBDA_FUNCTION_NAME"] = "remediator",
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_SESSION_TOKEN"] = "session",
        ["AWS_ENDPOINT_URL"] = Endpoint,
        [Remediator.Core.Configuration.RemediatorVariables.Mode] = "enforce",
        [Remediator.Core.Configuration.RemediatorVariables.TopicArn] = TopicArnOfWorld,
        [Remediator.Core.Configuration.RemediatorVariables.SettleSeconds] = settleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Every SNS message published.</summary>
    public IReadOnlyList<JsonElement> SnsMessages() => [.. State().GetProperty("snsMessages").EnumerateArray()];

    public ValueTask DisposeAsync() => _outage.DisposeAsync();
}
