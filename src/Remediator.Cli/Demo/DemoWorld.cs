using System.Text.Json;
using Remediator.Aws.Credentials;
using Remediator.Sandbox;
using Remediator.Sandbox.Scenarios;

namespace Remediator.Cli.Demo;

/// <summary>
/// The demo's AWS: the sandbox's <see cref="StageVariableOutage"/> with the demo's names, one function
/// (<see cref="FunctionName"/>) the stage variable names and a topic for the notification.
/// </summary>
internal sealed class DemoWorld : IAsyncDisposable
{
    public const string FunctionName = "pets-prod";
    public const string TopicName = "remediator-notifications";
    public const string Stage = StageVariableOutage.Stage;
    public const string StageVariable = StageVariableOutage.StageVariable;
    public const string RequestPath = "/pets/42";

    /// <summary>The function of the second API, the one Remediator only recommends a fix for.</summary>
    public const string StagingFunctionName = "pets-staging";

    private readonly StageVariableOutage _outage;

    private DemoWorld(StageVariableOutage outage) => _outage = outage;

    /// <summary>The sandbox's keys (test/test).</summary>
    public static IAwsCredentialsProvider Credentials => StageVariableOutage.Credentials;

    public SandboxServer Sandbox => _outage.Sandbox;

    public string Endpoint => _outage.Endpoint;

    public string FunctionArn => _outage.FunctionArn(FunctionName);

    public string IntegrationFunction => _outage.IntegrationFunction;

    public string TopicArn => $"arn:aws:sns:{Sandbox.Region}:{Sandbox.AccountId}:{TopicName}";

    /// <summary>Subscription payloads delivered so far, oldest first.</summary>
    public IReadOnlyList<string> DeliveredPayloads => _outage.DeliveredPayloads;

    public static async Task<DemoWorld> StartAsync(CancellationToken cancellationToken) =>
        new(await StageVariableOutage.StartAsync(cancellationToken).ConfigureAwait(false));

    public Task CreateFunctionAsync(CancellationToken cancellationToken) => CreateFunctionAsync(FunctionName, cancellationToken);

    public Task CreateFunctionAsync(string name, CancellationToken cancellationToken) => _outage.CreateFunctionAsync(name, cancellationToken);

    public Task CreateTopicAsync(CancellationToken cancellationToken) => _outage.CreateTopicAsync(TopicName, cancellationToken);

    /// <summary>REST API <c>pets</c> whose stage <c>prod</c> names <see cref="FunctionName"/>. Returns the API id.</summary>
    public Task<string> CreateApiAsync(CancellationToken cancellationToken) => CreateApiAsync(FunctionName, cancellationToken);

    /// <summary>Another REST API <c>pets</c> whose stage <c>prod</c> names <paramref name="functionName"/>. Returns the API id.</summary>
    public Task<string> CreateApiAsync(string functionName, CancellationToken cancellationToken) => _outage.CreateApiAsync(functionName, cancellationToken);

    /// <summary>Calls <see cref="RequestPath"/> through the sandbox's execute-api data plane, as a client on the internet would.</summary>
    public Task<(int Status, string Body)> CallApiAsync(string apiId, CancellationToken cancellationToken) =>
        _outage.CallApiAsync(apiId, RequestPath, cancellationToken);

    /// <summary>Adds the recommended permission by hand, as an operator would.</summary>
    public Task AllowApiGatewayAsync(string functionName, string sourceArn, CancellationToken cancellationToken) =>
        _outage.AllowApiGatewayAsync(functionName, sourceArn, cancellationToken);

    /// <summary>OpsCenter OpsItems so far, as <c>/_sandbox/state</c> records them.</summary>
    public IReadOnlyList<JsonElement> OpsItems() =>
        [.. _outage.State().GetProperty("opsItems").EnumerateObject().Select(item => item.Value.Clone())];

    /// <summary>SNS messages published so far, as <c>/_sandbox/state</c> records them: subject, the text, the protocols it has a message for, its attributes.</summary>
    public IReadOnlyList<(string Subject, string Message, string Protocols, string Attributes)> SnsMessages() =>
        [.. _outage.State().GetProperty("snsMessages").EnumerateArray().Select(message => (
            message.TryGetProperty("subject", out JsonElement subject) ? subject.GetString() ?? "" : "",
            message.TryGetProperty("messages", out JsonElement messages)
                ? messages.GetProperty("default").GetString() ?? ""
                : message.GetProperty("message").GetString() ?? "",
            messages.ValueKind == JsonValueKind.Object ? string.Join(", ", messages.EnumerateObject().Select(p => p.Name)) : "",
            string.Join(", ", message.GetProperty("messageAttributes").EnumerateObject()
                .Select(a => $"{a.Name}={a.Value.GetProperty("stringValue").GetString()}"))))];

    public ValueTask DisposeAsync() => _outage.DisposeAsync();
}
