using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remediator.Lambda.Runtime;

namespace Remediator.Lambda.Tests.TestSupport;

/// <summary>A Lambda Runtime API on 127.0.0.1 (random port) for tests, in-process or against a
/// separately started runtime process: queue invocations in, read what the runtime posted out.
/// <c>GET .../invocation/next</c> long-polls like the real API; response and error posts for request ids
/// that were not handed out, or posted twice, are refused with 400 like the real API does.</summary>
public sealed class RuntimeApiFake : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly Channel<FakeInvocation> _queue = Channel.CreateUnbounded<FakeInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeApiResult>> _results = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeInvocation> _handedOut = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RuntimeApiResult> _initErrors = new();
    private readonly ConcurrentQueue<string> _rejected = new();
    private readonly TaskCompletionSource<RuntimeApiResult> _firstInitError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private int _nextRequests;

    private RuntimeApiFake(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>: <c>127.0.0.1:port</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>How many next-invocation polls arrived (including one still waiting).</summary>
    public int NextRequestCount => Volatile.Read(ref _nextRequests);

    /// <summary>Every init error posted, in order.</summary>
    public IReadOnlyList<RuntimeApiResult> InitErrors => [.. _initErrors];

    /// <summary>Posts refused with 400 (unknown or already completed request ids), as descriptions.</summary>
    public IReadOnlyList<string> RejectedPosts => [.. _rejected];

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<RuntimeApiFake> StartAsync(CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var fake = new RuntimeApiFake(app);
        fake.MapRoutes();
        await app.StartAsync(cancellationToken);
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Address = new Uri(bound).Authority;
        return fake;
    }

    /// <summary>Queues an invocation; its result can be awaited with <see cref="WaitForResultAsync"/>.</summary>
    public FakeInvocation Enqueue(FakeInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!_results.TryAdd(invocation.RequestId, new TaskCompletionSource<RuntimeApiResult>(TaskCreationOptions.RunContinuationsAsynchronously)))
        {
            throw new InvalidOperationException($"Request id {invocation.RequestId} is already queued.");
        }

        if (!_queue.Writer.TryWrite(invocation))
        {
            throw new InvalidOperationException("The fake is stopped.");
        }

        return invocation;
    }

    /// <summary>
    /// Delivers <paramref name="invocation"/> again, with the same payload and request id, as Lambda's asynchronous
    /// retry does after a failed attempt (an error posted, or a runtime that died); its result can be awaited anew.
    /// </summary>
    public FakeInvocation Redeliver(FakeInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        _handedOut.TryRemove(invocation.RequestId, out _);
        _results[invocation.RequestId] = new TaskCompletionSource<RuntimeApiResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(invocation))
        {
            throw new InvalidOperationException("The fake is stopped.");
        }

        return invocation;
    }

    /// <summary>Queues a well-formed invocation of <paramref name="payload"/> (default deadline: a minute ahead).</summary>
    public FakeInvocation Enqueue(string payload, DateTimeOffset? deadline = null, string? traceId = null) =>
        Enqueue(FakeInvocation.Create(Encoding.UTF8.GetBytes(payload), deadline ?? DateTimeOffset.UtcNow.AddMinutes(1), traceId));

    /// <summary>The response or error posted for <paramref name="requestId"/>; fails after
    /// <paramref name="timeout"/> (30 s by default) so a broken runtime cannot hang a test.</summary>
    public Task<RuntimeApiResult> WaitForResultAsync(string requestId, TimeSpan? timeout = null) =>
        _results.TryGetValue(requestId, out TaskCompletionSource<RuntimeApiResult>? result)
            ? result.Task.WaitAsync(timeout ?? DefaultWait)
            : throw new InvalidOperationException($"Request id {requestId} was never queued.");

    /// <summary>The first init error posted; fails after <paramref name="timeout"/>.</summary>
    public Task<RuntimeApiResult> WaitForInitErrorAsync(TimeSpan? timeout = null) =>
        _firstInitError.Task.WaitAsync(timeout ?? DefaultWait);

    /// <summary>Completes when the runtime first polls for an invocation (it is initialised and
    /// waiting); fails after <paramref name="timeout"/>.</summary>
    public Task WaitForFirstPollAsync(TimeSpan? timeout = null) => _firstPoll.Task.WaitAsync(timeout ?? DefaultWait);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private void MapRoutes()
    {
        string runtime = "/" + RuntimeApiConstants.Version + "/runtime";
        _app.MapGet(runtime + "/invocation/next", NextAsync);
        _app.MapPost(runtime + "/invocation/{id}/response", context => CompleteAsync(context, isError: false));
        _app.MapPost(runtime + "/invocation/{id}/error", context => CompleteAsync(context, isError: true));
        _app.MapPost(runtime + "/init/error", InitErrorAsync);
    }

    private async Task NextAsync(HttpContext context)
    {
        Interlocked.Increment(ref _nextRequests);
        _firstPoll.TrySetResult();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        FakeInvocation invocation;
        try
        {
            invocation = await _queue.Reader.ReadAsync(waiting.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            return; // the runtime stopped polling, or the fake is stopping
        }

        _handedOut[invocation.RequestId] = invocation;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        IHeaderDictionary headers = context.Response.Headers;
        headers[RuntimeApiConstants.RequestIdHeader] = invocation.RequestId;
        SetIfPresent(headers, RuntimeApiConstants.DeadlineHeader, invocation.DeadlineMs);
        SetIfPresent(headers, RuntimeApiConstants.FunctionArnHeader, invocation.FunctionArn);
        SetIfPresent(headers, RuntimeApiConstants.TraceIdHeader, invocation.TraceId);
        await context.Response.Body.WriteAsync(invocation.Payload, context.RequestAborted);
    }

    private async Task CompleteAsync(HttpContext context, bool isError)
    {
        // Routing leaves an escaped '/' (%2F) escaped, to keep segments unambiguous; undo it here.
        string requestId = Uri.UnescapeDataString((string)context.Request.RouteValues["id"]!);
        RuntimeApiResult result = await ReadPostAsync(context, requestId, isError);
        if (!_handedOut.ContainsKey(requestId) || !_results.TryGetValue(requestId, out TaskCompletionSource<RuntimeApiResult>? pending))
        {
            await RejectAsync(context, "InvalidRequestID", $"{(isError ? "error" : "response")} for unknown request id {requestId}");
            return;
        }

        if (!pending.TrySetResult(result))
        {
            await RejectAsync(context, "InvalidStateTransition", $"second {(isError ? "error" : "response")} for request id {requestId}");
            return;
        }

        await AcceptAsync(context);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        RuntimeApiResult result = await ReadPostAsync(context, requestId: null, isError: true);
        _initErrors.Enqueue(result);
        _firstInitError.TrySetResult(result);
        await AcceptAsync(context);
    }

    private static async Task<RuntimeApiResult> ReadPostAsync(HttpContext context, string? requestId, bool isError)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        string? errorType = context.Request.Headers.TryGetValue(RuntimeApiConstants.ErrorTypeHeader, out var values)
            ? values.ToString()
            : null;
        return new RuntimeApiResult(requestId, isError, body.ToArray(), context.Request.ContentType, errorType);
    }

    private static Task AcceptAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("""{"status":"OK"}""");
    }

    private Task RejectAsync(HttpContext context, string errorType, string description)
    {
        _rejected.Enqueue(description);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""{"errorMessage":"{{description}}","errorType":"{{errorType}}"}""");
    }

    private static void SetIfPresent(IHeaderDictionary headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = value;
        }
    }
}
