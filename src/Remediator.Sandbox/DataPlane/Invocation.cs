using System.Text.Json.Nodes;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.DataPlane;

/// <summary>One call through the simulated data plane.</summary>
/// <param name="ApiId">The API the invoke URL names.</param>
/// <param name="Stage">The stage the invoke URL names.</param>
/// <param name="Path">The concrete request path below the stage, with a leading slash.</param>
internal sealed record Invocation(
    string ApiId,
    string Stage,
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    string RequestId,
    string ExtendedRequestId,
    DateTimeOffset Time);

/// <summary>Log events one invocation writes to one log group.</summary>
internal sealed record LogWrite(string LogGroup, IReadOnlyList<string> Messages);

/// <summary>What an invocation answers and which log events it leaves behind.</summary>
internal sealed record InvocationOutcome(SandboxResponse Response, IReadOnlyList<LogWrite> Logs)
{
    /// <summary>A JSON response with an optional <c>x-amzn-ErrorType</c>, as API Gateway's gateway responses carry.</summary>
    public static SandboxResponse Json(int status, string body, string? errorType = null) =>
        SandboxResponse.Text(
            status,
            Reply.JsonContentType,
            body,
            errorType is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["x-amzn-ErrorType"] = errorType });

    /// <summary>The canned Lambda proxy result the sandbox answers with instead of running the function.</summary>
    public static string CannedBody(string functionArn, string version) => SandboxJson.Write(new JsonObject
    {
        ["message"] = "Hello from the Remediator sandbox",
        ["functionArn"] = functionArn,
        ["executedVersion"] = version,
    });
}
