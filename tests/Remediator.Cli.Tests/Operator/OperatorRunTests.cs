using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Remediator.Cli.Operator;
using Remediator.Cli.Output;
using Remediator.Cli.Tests.TestSupport;

namespace Remediator.Cli.Tests.Operator;

/// <summary>What replay, audit and revert build around their work: the Lambda's <c>RemediatorServices</c>, on the sandbox.</summary>
public sealed class OperatorRunTests : IAsyncLifetime
{
    private OperatorWorld world = null!;

    public async Task InitializeAsync() => world = await OperatorWorld.StartAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task RunAsync_LedgerTableNamed_GivesTheDynamoDbClientTheLambdasTenSecondTimeout()
    {
        world.Environment["REMEDIATOR_LEDGER_TABLE"] = "remediator-ledger";
        IClientConfig? config = null;

        OperatorResult<string> run = await RunAsync(new OperatorOptions { Environment = world.Environment }, host =>
        {
            config = host.Services.LedgerClient?.Config;
            return host.AccountId;
        });

        Assert.Equal(world.AccountId, run.Value);
        Assert.NotNull(config);
        Assert.Equal(TimeSpan.FromSeconds(10), config.Timeout);
        Assert.Equal(3, config.MaxErrorRetry);
    }

    [Fact]
    public async Task RunAsync_Services_GiveTheEngineTheStandardErrorSinkAndTheClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Type? sink = null;
        TimeProvider? time = null;

        OperatorResult<string> run = await RunAsync(new OperatorOptions { Environment = world.Environment, Clock = clock }, host =>
        {
            (sink, time) = (host.Services.Dependencies.LogSink?.GetType(), host.Services.Dependencies.Time);
            return host.Region;
        });

        Assert.Equal(world.Region, run.Value);
        Assert.Equal(typeof(StandardErrorLogSink), sink);
        Assert.Same(clock, time);
    }

    [Fact]
    public async Task RunAsync_WorkFailsUnexpectedly_IsNotReportedAsAnAwsFailure()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            RunAsync(new OperatorOptions { Environment = world.Environment }, _ => throw new KeyNotFoundException()));
    }

    private static Task<OperatorResult<string>> RunAsync(OperatorOptions options, Func<OperatorHost, string> work) =>
        OperatorRun.RunAsync(
            CliRun.Console(out _, out _),
            "test",
            options,
            overrides: null,
            check: _ => null,
            (host, _) => Task.FromResult(OperatorResult<string>.Done(work(host))),
            CancellationToken.None);
}
