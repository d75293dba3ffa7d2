using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Lambda.Hosting;
using Remediator.Lambda.Runtime;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Lambda.Tests.Hosting;

/// <summary>The composition root against the Runtime API fake over loopback HTTP.</summary>
public sealed class LambdaHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly RecordingLogSink _log = new();
    private RuntimeApiFake _fake = null!;

    public async Task InitializeAsync() => _fake = await RuntimeApiFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private InMemoryEnvironmentVariables Environment(params (string Name, string Value)[] variables) =>
        new(variables.Select(v => KeyValuePair.Create(v.Name, v.Value))
            .Append(KeyValuePair.Create(RuntimeApiConstants.RuntimeApiVariable, _fake.Address)));

    private Task<int> RunAsync(
        IEnvironmentVariables environment, Func<HandlerContext, IInvocationHandler> factory, CancellationToken stoppingToken) =>
        LambdaHost.RunAsync(environment, TimeProvider.System, _log, factory, stoppingToken).WaitAsync(Guard);

    [Fact]
    public async Task RunAsync_InvalidSettings_PostsInitErrorNamingTheVariableAndFails()
    {
        bool factoryCalled = false;

        int exitCode = await RunAsync(
            Environment((RemediatorVariables.Mode, "enforced")),
            _ => { factoryCalled = true; return new RecordingInvocationHandler(); },
            CancellationToken.None);

        Assert.Equal(LambdaHost.Failed, exitCode);
        Assert.False(factoryCalled);
        Assert.Equal(0, _fake.NextRequestCount);
        RuntimeApiResult initError = Assert.Single(_fake.InitErrors);
        Assert.Equal("Runtime.ConfigInvalid", initError.ErrorTypeHeader);
        using JsonDocument body = JsonDocument.Parse(initError.Body);
        Assert.Contains("REMEDIATOR_MODE: 'enforced' is not one of observe, recommend, enforce.",
            body.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Contains("REMEDIATOR_MODE", Assert.Single(_log.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownVariable_PostsInitError()
    {
        int exitCode = await RunAsync(
            Environment(("REMEDIATOR_MAX_FIXES", "3")), _ => new RecordingInvocationHandler(), CancellationToken.None);

        Assert.Equal(LambdaHost.Failed, exitCode);
        Assert.Contains("REMEDIATOR_MAX_FIXES: is not a Remediator setting", Assert.Single(_fake.InitErrors).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FactoryThrows_PostsInitErrorWithExceptionType()
    {
        int exitCode = await RunAsync(
            Environment(), _ => throw new InvalidOperationException("no credentials"), CancellationToken.None);

        Assert.Equal(LambdaHost.Failed, exitCode);
        RuntimeApiResult initError = Assert.Single(_fake.InitErrors);
        Assert.Equal("InvalidOperationException", initError.ErrorTypeHeader);
        Assert.Contains("no credentials", initError.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoRuntimeApi_ReturnsWithoutPosting()
    {
        var environment = new InMemoryEnvironmentVariables();

        int exitCode = await LambdaHost.RunAsync(environment, TimeProvider.System, _log, _ => new RecordingInvocationHandler(), CancellationToken.None);

        Assert.Equal(LambdaHost.NoRuntimeApi, exitCode);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", Assert.Single(_log.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ValidSettings_HandlerGetsThemAndServesUntilStopped()
    {
        HandlerContext? context = null;
        RecordingInvocationHandler? handler = null;
        using var stopping = new CancellationTokenSource();
        InMemoryEnvironmentVariables environment = Environment(
            (RemediatorVariables.Mode, "enforce"), (RemediatorVariables.MaxFixesPerHour, "7"));

        Task<int> running = RunAsync(environment, built =>
        {
            context = built;
            return handler = new RecordingInvocationHandler(environment: built.Environment);
        }, stopping.Token);
        FakeInvocation first = _fake.Enqueue("\"a\"", traceId: "Root=1-a");
        FakeInvocation second = _fake.Enqueue("\"b\"");
        RuntimeApiResult firstResult = await _fake.WaitForResultAsync(first.RequestId);
        RuntimeApiResult secondResult = await _fake.WaitForResultAsync(second.RequestId);
        await stopping.CancelAsync();

        Assert.Equal(LambdaHost.Stopped, await running);
        Assert.Equal(RemediatorMode.Enforce, context!.Settings.Mode);
        Assert.Equal(7, context.Settings.MaxFixesPerHour);
        Assert.Same(environment, context.Environment);
        Assert.Equal(DeadlinePolicy.DefaultSafetyMargin, context.Deadlines.SafetyMargin);
        Assert.Equal("\"a\"", firstResult.BodyText);
        Assert.Equal("\"b\"", secondResult.BodyText);
        Assert.Equal(["Root=1-a", null], handler!.TraceIdsSeen);
        Assert.Empty(_fake.InitErrors);
    }

    [Fact]
    public async Task RunAsync_DisposableHandler_IsDisposedOnStop()
    {
        var handler = new DisposableHandler();
        using var stopping = new CancellationTokenSource();
        Task<int> running = RunAsync(Environment(), _ => handler, stopping.Token);
        await _fake.WaitForFirstPollAsync();

        await stopping.CancelAsync();

        Assert.Equal(LambdaHost.Stopped, await running);
        Assert.True(handler.Disposed);
    }

    [Fact]
    public async Task RunAsync_RuntimeApiUnreachable_LogsAndFails()
    {
        string address = _fake.Address;
        await _fake.DisposeAsync();
        _fake = await RuntimeApiFake.StartAsync();
        var environment = new InMemoryEnvironmentVariables([KeyValuePair.Create(RuntimeApiConstants.RuntimeApiVariable, address)]);

        int exitCode = await LambdaHost.RunAsync(environment, TimeProvider.System, _log, _ => new RecordingInvocationHandler(), CancellationToken.None)
            .WaitAsync(Guard);

        Assert.Equal(LambdaHost.Failed, exitCode);
        Assert.Contains("Runtime API failure", Assert.Single(_log.Lines), StringComparison.Ordinal);
    }

    private sealed class DisposableHandler : IInvocationHandler, IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public Task<ReadOnlyMemory<byte>> HandleAsync(Invocation invocation, CancellationToken cancellationToken) =>
            Task.FromResult(invocation.Payload);

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
