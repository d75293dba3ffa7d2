using Remediator.Core.Configuration;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Tests.Handling;
using Remediator.Lambda.Hosting;
using Remediator.Lambda.Runtime;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Lambda.Tests.Hosting;

/// <summary>
/// The deployed composition (settings from the environment, the real handler, the DynamoDB ledger through the SDK)
/// behind the Runtime API fake, with the sandbox as AWS and a DynamoDB that stops answering once the fix is made.
/// </summary>
public sealed class LambdaHostDeadlineTests : IAsyncLifetime
{
    private readonly RecordingLogSink _log = new();
    private readonly CancellationTokenSource _stopping = new();
    private SandboxWorld _world = null!;
    private RuntimeApiFake _fake = null!;
    private HangingLedgerTable _dynamo = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _fake = await RuntimeApiFake.StartAsync();
        _dynamo = await HangingLedgerTable.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _dynamo.DisposeAsync();
        await _fake.DisposeAsync();
        await _world.DisposeAsync();
        _stopping.Dispose();
    }

    [Fact]
    public async Task Invocation_LedgerHangsOnTheOutcomeWrite_FailsBeforeItsDeadlineAndTheLeaseExpires()
    {
        (_, string payload) = await _world.SeedOutageAsync();
        Dictionary<string, string> variables = HandlerHarness.Variables(_world);
        variables[RuntimeApiConstants.RuntimeApiVariable] = _fake.Address;
        variables[RemediatorVariables.LedgerTable] = "remediator-ledger";
        variables["AWS_ENDPOINT_URL_DYNAMODB"] = _dynamo.Url;
        Task<int> host = LambdaHost.RunAsync(
            new InMemoryEnvironmentVariables(variables), TimeProvider.System, _log,
            context => RemediationHandlerFactory.Create(context, HandlerHarness.FastRetries), _stopping.Token);
        DateTimeOffset started = DateTimeOffset.UtcNow;
        DateTimeOffset deadline = started.AddSeconds(8);

        FakeInvocation invocation = _fake.Enqueue(payload, deadline);
        RuntimeApiResult result = await _fake.WaitForResultAsync(invocation.RequestId, TimeSpan.FromSeconds(25));

        Assert.True(result.IsError);
        Assert.Equal(RuntimeApiConstants.DeadlineExceededErrorType, result.ErrorTypeHeader);
        Assert.True(result.ReceivedAt < deadline, $"the error came at {result.ReceivedAt:O}, after the deadline {deadline:O}");
        Assert.True(_dynamo.HungWrites >= 1);
        Assert.Single(_world.PolicyStatements(SandboxWorld.FunctionName));

        // The outcome write never reached the table, so the lease is not released; it expires on its own.
        DateTimeOffset leaseEnds = DateTimeOffset.FromUnixTimeMilliseconds(_dynamo.FirstLeaseExpiry());
        Assert.InRange(leaseEnds, started, DateTimeOffset.UtcNow.AddMinutes(2));

        await _stopping.CancelAsync();
        Assert.Equal(LambdaHost.Stopped, await host.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
