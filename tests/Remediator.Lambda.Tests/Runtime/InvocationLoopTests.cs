using System.Text;
using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Lambda.Runtime;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Lambda.Tests.Runtime;

/// <summary>The loop against the Runtime API fake over real loopback HTTP.</summary>
public sealed class InvocationLoopTests : IAsyncLifetime
{
    private readonly InMemoryEnvironmentVariables _environment = new();
    private readonly RecordingLogSink _log = new();
    private readonly CancellationTokenSource _stopping = new();
    private RuntimeApiFake _fake = null!;
    private HttpClient _http = null!;
    private Task? _loop;

    public async Task InitializeAsync()
    {
        _fake = await RuntimeApiFake.StartAsync();
        _http = RuntimeApiClient.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(30));
        }

        _http.Dispose();
        await _fake.DisposeAsync();
        _stopping.Dispose();
    }

    private RecordingInvocationHandler Start(Func<Invocation, CancellationToken, Task<ReadOnlyMemory<byte>>>? behaviour = null)
    {
        var handler = new RecordingInvocationHandler(behaviour, _environment);
        var loop = new InvocationLoop(
            new RuntimeApiClient(_http, _fake.Address), handler,
            new DeadlinePolicy(TimeProvider.System, DeadlinePolicy.DefaultSafetyMargin), _environment, _log);
        _loop = Task.Run(() => loop.RunAsync(_stopping.Token));
        return handler;
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task RunAsync_HandlerSucceeds_PostsItsResponse()
    {
        Start((invocation, _) => Task.FromResult(Bytes("{\"handled\":" + Encoding.UTF8.GetString(invocation.Payload.Span) + "}")));
        FakeInvocation queued = _fake.Enqueue("""{"n":1}""");

        RuntimeApiResult result = await _fake.WaitForResultAsync(queued.RequestId);

        Assert.False(result.IsError);
        Assert.Equal("""{"handled":{"n":1}}""", result.BodyText);
        Assert.Empty(_log.Lines);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsErrorWithTypeAndGoesOn()
    {
        Start((invocation, _) => Encoding.UTF8.GetString(invocation.Payload.Span) == "\"fail\""
            ? throw new InvalidOperationException("boom")
            : Task.FromResult(invocation.Payload));
        FakeInvocation failing = _fake.Enqueue("\"fail\"");
        FakeInvocation next = _fake.Enqueue("\"ok\"");

        RuntimeApiResult error = await _fake.WaitForResultAsync(failing.RequestId);
        RuntimeApiResult success = await _fake.WaitForResultAsync(next.RequestId);

        Assert.True(error.IsError);
        Assert.Equal("InvalidOperationException", error.ErrorTypeHeader);
        Assert.Equal(RuntimeApiConstants.ErrorContentType, error.ContentType);
        using JsonDocument body = JsonDocument.Parse(error.Body);
        Assert.Equal("boom", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.False(success.IsError);
        Assert.Equal("\"ok\"", success.BodyText);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_LogsOneErrorLine()
    {
        Start((_, _) => throw new InvalidOperationException("boom"));
        FakeInvocation failing = _fake.Enqueue("{}");

        await _fake.WaitForResultAsync(failing.RequestId);

        using JsonDocument line = JsonDocument.Parse(Assert.Single(_log.Lines));
        Assert.Equal("ERROR", line.RootElement.GetProperty("level").GetString());
        Assert.Equal(failing.RequestId, line.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("InvalidOperationException", line.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task RunAsync_DeadlineWithinSafetyMargin_CancelsHandlerAndPostsDeadlineError()
    {
        Start(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return ReadOnlyMemory<byte>.Empty;
        });
        FakeInvocation late = _fake.Enqueue("{}", deadline: DateTimeOffset.UtcNow.AddMilliseconds(500));

        RuntimeApiResult result = await _fake.WaitForResultAsync(late.RequestId);

        Assert.True(result.IsError);
        Assert.Equal(RuntimeApiConstants.DeadlineExceededErrorType, result.ErrorTypeHeader);
        using JsonDocument body = JsonDocument.Parse(result.Body);
        Assert.Equal(RuntimeApiConstants.DeadlineExceededErrorType, body.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("before the invocation deadline", body.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HandlerIgnoresItsCancellation_PostsTheDeadlineErrorBeforeTheDeadline()
    {
        var never = new TaskCompletionSource<ReadOnlyMemory<byte>>();
        Start((_, _) => never.Task);
        DateTimeOffset deadline = DateTimeOffset.UtcNow.AddMilliseconds(1500);
        FakeInvocation late = _fake.Enqueue("{}", deadline: deadline);

        RuntimeApiResult result = await _fake.WaitForResultAsync(late.RequestId);

        Assert.True(result.ReceivedAt < deadline, $"posted at {result.ReceivedAt:O}, after the deadline {deadline:O}");
        Assert.Equal(RuntimeApiConstants.DeadlineExceededErrorType, result.ErrorTypeHeader);
        Assert.Contains(_log.Lines, line => line.Contains("did not stop by the deadline", StringComparison.Ordinal));
        never.SetException(new InvalidOperationException("finished late"));
    }

    [Fact]
    public async Task RunAsync_HandlerOwnCancellation_IsAnOrdinaryError()
    {
        Start((_, _) => throw new TaskCanceledException("HTTP call timed out"));
        FakeInvocation queued = _fake.Enqueue("{}");

        RuntimeApiResult result = await _fake.WaitForResultAsync(queued.RequestId);

        Assert.Equal("TaskCanceledException", result.ErrorTypeHeader);
    }

    [Fact]
    public async Task RunAsync_TraceHeader_SetForEachInvocationThenCleared()
    {
        RecordingInvocationHandler handler = Start();
        FakeInvocation first = _fake.Enqueue("1", traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        FakeInvocation second = _fake.Enqueue("2", traceId: "Root=1-67891233-abcdef012345678912345678;Sampled=0");
        FakeInvocation third = _fake.Enqueue("3");

        await _fake.WaitForResultAsync(first.RequestId);
        await _fake.WaitForResultAsync(second.RequestId);
        await _fake.WaitForResultAsync(third.RequestId);

        Assert.Equal([first.TraceId, second.TraceId, null], handler.TraceIdsSeen);
        Assert.Null(_environment.Get(RuntimeApiConstants.TraceIdVariable));
    }

    [Fact]
    public async Task RunAsync_NextInvocation_HeadersAndPayloadReachTheHandler()
    {
        RecordingInvocationHandler handler = Start();
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());
        var queued = new FakeInvocation(
            "52fdfc07-2182-154f-163f-5f0f9a621d72", [0x7B, 0x7D, 0x00, 0xFF], deadline.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "arn:aws:lambda:eu-west-1:111122223333:function:remediator:live", "Root=1-abc");
        _fake.Enqueue(queued);

        RuntimeApiResult result = await _fake.WaitForResultAsync(queued.RequestId);

        Invocation seen = Assert.Single(handler.Invocations);
        Assert.Equal("52fdfc07-2182-154f-163f-5f0f9a621d72", seen.RequestId);
        Assert.Equal(deadline, seen.Deadline);
        Assert.Equal("arn:aws:lambda:eu-west-1:111122223333:function:remediator:live", seen.FunctionArn);
        Assert.Equal("Root=1-abc", seen.TraceId);
        Assert.Equal(queued.Payload, seen.Payload.ToArray());
        Assert.Equal(queued.Payload, result.Body);
    }

    [Fact]
    public async Task RunAsync_StoppedWhilePolling_ReturnsNormally()
    {
        Start();
        await _fake.WaitForFirstPollAsync();

        await _stopping.CancelAsync();

        await _loop!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(_loop.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task RunAsync_MalformedInvocation_EndsTheLoopWithRuntimeApiException()
    {
        Start();
        _fake.Enqueue(new FakeInvocation("req-1", [], DeadlineMs: null, FakeInvocation.DefaultFunctionArn, null));

        RuntimeApiException exception = await Assert.ThrowsAsync<RuntimeApiException>(() => _loop!.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains(RuntimeApiConstants.DeadlineHeader, exception.Message, StringComparison.Ordinal);
        _loop = null;
    }
    [Fact]
    public async Task RunAsync_HandlerFailsWhileStopping_LoopEndsQuietly()
    {
        var handling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Start(async (_, cancellationToken) =>
        {
            handling.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            throw new InvalidOperationException("failed during shutdown");
        });
        _fake.Enqueue("{}");
        await handling.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await _stopping.CancelAsync();

        await _loop!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(_loop.IsCompletedSuccessfully);
    }
}
