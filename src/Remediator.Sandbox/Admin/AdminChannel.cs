using System.Text.Json;
using Remediator.Sandbox.Faults;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Admin;

/// <summary>
/// <c>/_sandbox/*</c>: state introspection and reset, fault injection, log subscriptions. Unsigned on purpose:
/// these are test hooks on a loopback-only endpoint, not AWS APIs.
/// </summary>
internal sealed class AdminChannel(SandboxEnvironment env, FaultInjector faults, Func<CancellationToken, Task> persistAsync) : ISideChannel
{
    public bool Matches(SandboxRequest request) => request.Segments.Count > 0 && request.Segments[0] == "_sandbox";

    public async Task<SandboxResponse> HandleAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        var path = string.Join('/', request.Segments.Skip(1));
        switch (request.Method, path)
        {
            case ("GET", "health"):
                return SandboxResponse.Text(200, Reply.JsonContentType, "{\"status\":\"ok\"}");
            case ("GET", "state"):
                return new SandboxResponse(200, Reply.JsonContentType, env.State.Snapshot(env.AccountId, env.Region), new Dictionary<string, string>());
            case ("POST", "reset"):
                env.State.Reset();
                faults.Clear();
                await persistAsync(cancellationToken).ConfigureAwait(false);
                return SandboxResponse.Empty(204);
            case ("GET", "faults"):
                return Json(200, faults.Pending().ToList());
            case ("POST", "faults"):
                return AddFault(request);
            case ("DELETE", "faults"):
                faults.Clear();
                return SandboxResponse.Empty(204);
            default:
                return SandboxResponse.Text(404, Reply.JsonContentType, "{\"message\":\"Unknown sandbox endpoint\"}");
        }
    }

    private SandboxResponse AddFault(SandboxRequest request)
    {
        try
        {
            var rule = JsonSerializer.Deserialize(request.Body, SandboxJson.Context.FaultRule)
                ?? throw new JsonException("A fault rule is a JSON object.");
            faults.Add(rule);
            return Json(201, faults.Pending().ToList());
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return SandboxResponse.Text(400, Reply.JsonContentType, SandboxJson.Write(new System.Text.Json.Nodes.JsonObject { ["message"] = ex.Message }));
        }
    }

    private static SandboxResponse Json(int status, List<FaultRule> rules) =>
        new(status, Reply.JsonContentType, JsonSerializer.SerializeToUtf8Bytes(rules, SandboxJson.Context.ListFaultRule), new Dictionary<string, string>());
}
