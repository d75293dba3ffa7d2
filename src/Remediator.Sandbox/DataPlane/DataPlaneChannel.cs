using Remediator.Sandbox.Http;
using Remediator.Sandbox.Logs;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// The simulated execute-api endpoint: <c>{ANY} /restapis/{apiId}/{stage}/_user_request_/{path}</c> serves REST,
/// HTTP and WebSocket APIs alike (one id space). Logs are written under the lock; subscribers get them after.
/// </summary>
internal sealed class DataPlaneChannel(SandboxEnvironment env, Func<CancellationToken, Task> afterChangeAsync) : ISideChannel
{
    public const string Marker = "_user_request_";

    private readonly LogWriter _writer = new(env);
    private readonly RestInvoker _rest = new(env);
    private readonly HttpApiInvoker _http = new(env);
    private readonly WebSocketInvoker _webSocket = new(env);

    public bool Matches(SandboxRequest request) =>
        request.Segments.Count >= 4 && request.Segments[0] == "restapis" && request.Segments[3] == Marker;

    public async Task<SandboxResponse> HandleAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new Invocation(
            request.Segments[1],
            request.Segments[2],
            request.Method,
            "/" + string.Join('/', request.Segments.Skip(4)),
            request.Query,
            request.Headers,
            request.BodyText,
            request.RequestId,
            env.Ids.Alphanumeric(15) + "=",
            env.Now);
        InvocationOutcome outcome;
        lock (env.State.Gate)
        {
            outcome = Invoke(call);
            foreach (var write in outcome.Logs)
            {
                var group = _writer.EnsureGroup(write.LogGroup);
                var stream = group.Streams.Values.FirstOrDefault() ?? _writer.EnsureStream(group, env.Ids.Hex(32));
                var timestamp = call.Time.ToUnixTimeMilliseconds();
                env.Outbox.Enqueue(_writer.Append(group, stream, write.Messages.Select(m => (timestamp, m))));
            }
        }

        await afterChangeAsync(cancellationToken).ConfigureAwait(false);
        return outcome.Response;
    }

    private InvocationOutcome Invoke(Invocation call)
    {
        if (env.Data.RestApis.TryGetValue(call.ApiId, out var restApi))
        {
            return _rest.Invoke(restApi, call);
        }

        if (env.Data.ApisV2.TryGetValue(call.ApiId, out var api))
        {
            return api.Api.ProtocolType == "WEBSOCKET" ? _webSocket.Invoke(api, call) : _http.Invoke(api, call);
        }

        return new InvocationOutcome(InvocationOutcome.Json(403, "{\"message\":\"Forbidden\"}", "ForbiddenException"), []);
    }
}
