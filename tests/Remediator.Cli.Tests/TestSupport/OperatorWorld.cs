using System.CommandLine;
using System.Text.Json;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Cli.Commands;
using Remediator.Cli.Demo;
using Remediator.Cli.Operator;
using Remediator.Core.Ports;

namespace Remediator.Cli.Tests.TestSupport;

/// <summary>
/// The demo's outage in an in-process sandbox (REST API <c>pets</c>, <c>GET /pets/{id}</c> → the function stage
/// variable <c>petsFunction</c> names, <c>pets-prod</c> without permission), the environment that points the CLI at
/// it, and ways to run operator commands in-process and count what the sandbox was asked to do.
/// </summary>
internal sealed class OperatorWorld : IAsyncDisposable
{
    private readonly string payloadFile = Path.GetTempFileName();

    private OperatorWorld(DemoWorld demo, AwsClients clients, string apiId)
    {
        Demo = demo;
        Clients = clients;
        ApiId = apiId;
        Environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = demo.Endpoint,
            ["AWS_REGION"] = demo.Sandbox.Region,
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["REMEDIATOR_SETTLE_SECONDS"] = "0",
        };
    }

    public DemoWorld Demo { get; }

    /// <summary>Signed clients of the sandbox account, to arrange and inspect.</summary>
    public AwsClients Clients { get; }

    public string ApiId { get; }

    public Dictionary<string, string> Environment { get; }

    public string FunctionArn => Demo.FunctionArn;

    public string AccountId => Demo.Sandbox.AccountId;

    public string Region => Demo.Sandbox.Region;

    public static async Task<OperatorWorld> StartAsync()
    {
        DemoWorld demo = await DemoWorld.StartAsync(CancellationToken.None);
        await demo.CreateFunctionAsync(CancellationToken.None);
        string apiId = await demo.CreateApiAsync(CancellationToken.None);
        AwsClients clients = AwsClients.Create(
            AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = demo.Endpoint }),
            new AwsClientSettings { Region = demo.Sandbox.Region, Credentials = DemoWorld.Credentials });
        return new OperatorWorld(demo, clients, apiId);
    }

    /// <summary>Calls the API (500 while the permission is missing) and writes the delivered execution-log payload to a file.</summary>
    public async Task<string> FailingPayloadFileAsync()
    {
        (int status, _) = await Demo.CallApiAsync(ApiId, CancellationToken.None);
        Assert.Equal(500, status);
        await File.WriteAllTextAsync(payloadFile, Assert.Single(Demo.DeliveredPayloads));
        return payloadFile;
    }

    /// <summary>What the engine does in enforce mode: the same replay command an operator runs. Returns the statement id added.</summary>
    public async Task<string> FixWithReplayAsync()
    {
        string payload = await FailingPayloadFileAsync();
        CliRun run = Run(ReplayCommand.Create, "replay", "--input", payload, "--mode", "enforce", "--output", "json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        using JsonDocument outcome = JsonDocument.Parse(Assert.Single(run.OutputLines));
        Assert.Equal("Fixed", outcome.RootElement.GetProperty("outcome").GetString());
        return outcome.RootElement.GetProperty("statementId").GetString()!;
    }

    /// <summary>Runs one command built by <paramref name="create"/> against this world's environment.</summary>
    public CliRun Run(Func<CliConsole, IReadOnlyDictionary<string, string>?, Command> create, params string[] args) =>
        CliRun.Execute(console => create(console, Environment), args);

    /// <summary>Runs one command built by <paramref name="create"/> with <paramref name="options"/> (an environment, a clock, a ledger).</summary>
    public static CliRun RunWith(Func<CliConsole, OperatorOptions, Command> create, OperatorOptions options, params string[] args) =>
        CliRun.Execute(console => create(console, options), args);

    /// <summary>How many times the sandbox served <paramref name="operation"/> of <paramref name="service"/>.</summary>
    public int Requests(string service, string operation)
    {
        using JsonDocument state = JsonDocument.Parse(Demo.Sandbox.StateJson());
        return state.RootElement.GetProperty("requestCounts").TryGetProperty($"{service}:{operation}", out JsonElement count) ? count.GetInt32() : 0;
    }

    /// <summary>Every request the sandbox served, by <c>service:Operation</c>.</summary>
    public IReadOnlyDictionary<string, int> AllRequests()
    {
        using JsonDocument state = JsonDocument.Parse(Demo.Sandbox.StateJson());
        return state.RootElement.GetProperty("requestCounts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
    }

    /// <summary>The statement ids of the function's policy, in order.</summary>
    public async Task<string[]> StatementIdsAsync()
    {
        FunctionPolicy? policy = await Clients.Lambda.GetPolicyAsync(FunctionArn, null, CancellationToken.None);
        if (policy is null)
        {
            return [];
        }

        using JsonDocument document = JsonDocument.Parse(policy.PolicyJson);
        return [.. document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.GetProperty("Sid").GetString()!)];
    }

    /// <summary>Adds a statement as a person would, with any principal and id.</summary>
    public Task AddStatementAsync(string statementId, string principal, string sourceArn) =>
        Clients.Lambda.AddPermissionAsync(
            new AddPermissionRequest(FunctionArn, statementId, "lambda:InvokeFunction", principal, sourceArn, AccountId, null, null), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        File.Delete(payloadFile);
        Clients.Dispose();
        await Demo.DisposeAsync();
    }
}
