using System.Text;
using System.Text.Json;
using Remediator.Aws.Ledger;
using Remediator.Aws.Tests.Dynalite;
using Remediator.Core.Configuration;
using Remediator.Core.Ports;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Lambda.Tests.EndToEnd;

/// <summary>
/// One crash-and-fault scenario: the published function as its own process (restarted when killed), the Runtime
/// API fake delivering like Lambda's asynchronous invocation (the same payload and request id, two more attempts
/// after a failed one), the sandbox as AWS, and the DynamoDB ledger on dynalite behind <see cref="LedgerProxy"/>.
/// </summary>
public sealed class CrashWorld : IAsyncDisposable
{
    /// <summary>Lambda's asynchronous invocation: the first attempt and two retries.</summary>
    public const int AsyncAttempts = 3;

    private readonly PublishedFunction _published;
    private readonly List<string> _stdout = [];
    private FunctionProcess? _function;

    private CrashWorld(PublishedFunction published, SandboxWorld world, RuntimeApiFake runtime, LedgerProxy proxy, DynamoDbLedger ledger, string table)
    {
        _published = published;
        World = world;
        Runtime = runtime;
        Proxy = proxy;
        Ledger = ledger;
        Table = table;
    }

    public SandboxWorld World { get; }

    public RuntimeApiFake Runtime { get; }

    public LedgerProxy Proxy { get; }

    /// <summary>The function's ledger, read by the test through its own client.</summary>
    public DynamoDbLedger Ledger { get; }

    public string Table { get; }

    /// <summary>Everything every process of the function wrote to standard output so far.</summary>
    public IReadOnlyList<string> Stdout => [.. _stdout, .. _function?.StdoutLines ?? []];

    public static async Task<CrashWorld> StartAsync(PublishedFunction published, DynaliteFixture dynalite, string topicName = SandboxWorld.TopicName)
    {
        string table = await dynalite.CreateLedgerTableAsync();
        var world = await SandboxWorld.StartAsync(topicName);
        var runtime = await RuntimeApiFake.StartAsync();
        var proxy = await LedgerProxy.StartAsync(new Uri(dynalite.Client.Config.ServiceURL));
        return new CrashWorld(published, world, runtime, proxy, new DynamoDbLedger(dynalite.Client, table, TimeProvider.System), table);
    }

    /// <summary>Kills the running function at once (the interceptors call it between applying a call and answering it).</summary>
    public void KillFunction() => _function?.Kill();

    /// <summary>
    /// Delivers <paramref name="payload"/> as one asynchronous event: attempts until one succeeds, at most
    /// <see cref="AsyncAttempts"/>; an attempt fails when the function posts an error or dies.
    /// </summary>
    public async Task<IReadOnlyList<Attempt>> DeliverAsync(string payload)
    {
        var attempts = new List<Attempt>();
        FakeInvocation invocation = FakeInvocation.Create(Encoding.UTF8.GetBytes(payload), DateTimeOffset.UtcNow.AddMinutes(1));
        for (int i = 0; i < AsyncAttempts; i++)
        {
            FunctionProcess function = await EnsureRunningAsync();
            invocation = invocation with { DeadlineMs = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) };
            _ = i == 0 ? Runtime.Enqueue(invocation) : Runtime.Redeliver(invocation);
            Task<RuntimeApiResult> result = Runtime.WaitForResultAsync(invocation.RequestId, TimeSpan.FromSeconds(90));
            await Task.WhenAny(result, function.Exited);
            if (!result.IsCompleted)
            {
                attempts.Add(new Attempt(invocation.RequestId, Died: true, null));
                continue;
            }

            RuntimeApiResult answer = await result;
            attempts.Add(new Attempt(invocation.RequestId, Died: false, answer));
            if (!answer.IsError)
            {
                break;
            }
        }

        return attempts;
    }

    /// <summary>Calls the API once more; the sandbox delivers the new failure's payload, which is returned (null when it succeeded).</summary>
    public async Task<string?> FailAgainAsync(string apiId)
    {
        int before = World.DeliveredPayloads.Count;
        (int status, _) = await World.CallAsync(apiId, "/pets/42");
        return status == 500 ? World.DeliveredPayloads[before] : null;
    }

    /// <summary>The ledger's records of remediations (the hourly counters and the outbox are not records).</summary>
    public async Task<IReadOnlyList<LedgerRecord>> RecordsAsync()
    {
        var records = new List<LedgerRecord>();
        await foreach (LedgerRecord record in Ledger.ListAsync(CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Every outcome line the function logged, across its processes.</summary>
    public IReadOnlyList<JsonElement> OutcomeLines() => LogLines.Outcomes(Stdout);

    public async ValueTask DisposeAsync()
    {
        if (_function is not null)
        {
            await _function.DisposeAsync();
        }

        await Proxy.DisposeAsync();
        await Runtime.DisposeAsync();
        await World.DisposeAsync();
    }

    private async Task<FunctionProcess> EnsureRunningAsync()
    {
        if (_function is { } running && !running.Exited.IsCompleted)
        {
            return running;
        }

        if (_function is { } dead)
        {
            _stdout.AddRange(dead.StdoutLines);
            await dead.DisposeAsync();
        }

        _function = FunctionProcess.Start(_published.EntryAssembly, Variables());
        return _function;
    }

    /// <summary>What Lambda and the template set, with the sandbox as AWS and dynalite (through the proxy) as DynamoDB.</summary>
    private Dictionary<string, string> Variables()
    {
        Dictionary<string, string> variables = World.FunctionVariables(Runtime.Address, settleSeconds: 0);
        variables["AWS_ENDPOINT_URL_DYNAMODB"] = Proxy.Endpoint;
        variables[RemediatorVariables.LedgerTable] = Table;
        return variables;
    }

    /// <summary>One attempt of an asynchronous event.</summary>
    /// <param name="RequestId">The event's request id (the same for every attempt).</param>
    /// <param name="Died">True when the function process died before answering.</param>
    /// <param name="Result">What the function posted, when it did.</param>
    public sealed record Attempt(string RequestId, bool Died, RuntimeApiResult? Result)
    {
        /// <summary>True when the function answered with success.</summary>
        public bool Succeeded => Result is { IsError: false };

        /// <summary>The invocation's summary, when it succeeded.</summary>
        public InvocationSummary? Summary => Succeeded ? RemediationHandler.ParseResponse(Result!.Body) : null;
    }
}
