using System.Text.Json.Nodes;

namespace Remediator.Sandbox.Http;

/// <summary>
/// An AWS error as data: the code clients branch on, the HTTP status, the message, and any extra members
/// the service model defines for that error (e.g. Lambda's <c>Type</c>, SSM's <c>OpsItemId</c>).
/// </summary>
internal sealed record ServiceError(int Status, string Code, string Message)
{
    /// <summary>Name of the message member: most models use <c>message</c>, some <c>Message</c>.</summary>
    public string MessageKey { get; init; } = "message";

    /// <summary>Extra members written next to the message.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Extra { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Value of the <c>x-amzn-query-error</c> header (JSON services that were query services: SQS), if any.</summary>
    public string? QueryError { get; init; }

    /// <summary>Value of the <c>Retry-After</c> header (throttling), if any.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>True for caller mistakes (query <c>Type</c> Sender), false for server faults (Receiver).</summary>
    public bool SenderFault => Status < 500;

    /// <summary>A copy with one extra member.</summary>
    public ServiceError With(string key, JsonNode? value) =>
        this with { Extra = new Dictionary<string, JsonNode?>(Extra) { [key] = value } };
}
