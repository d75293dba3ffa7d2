using System.Text.Json.Serialization;
using Remediator.Sandbox.ApiGateway;
using Remediator.Sandbox.ApiGatewayV2;
using Remediator.Sandbox.DataPlane;
using Remediator.Sandbox.Lambda;
using Remediator.Sandbox.Logs;
using Remediator.Sandbox.Sns;
using Remediator.Sandbox.Sqs;
using Remediator.Sandbox.Ssm;

namespace Remediator.Sandbox.State;

/// <summary>
/// The whole emulated account: what <c>GET /_sandbox/state</c> returns and what the state file holds.
/// Mutable, so it is only touched with <see cref="SandboxState.Gate"/> held.
/// </summary>
internal sealed class SandboxData
{
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }
    [JsonPropertyName("region")] public string? Region { get; set; }
    [JsonPropertyName("functions")] public Dictionary<string, FunctionRecord> Functions { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("restApis")] public Dictionary<string, RestApiRecord> RestApis { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("apisV2")] public Dictionary<string, ApiV2Record> ApisV2 { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("logGroups")] public Dictionary<string, LogGroupRecord> LogGroups { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("topics")] public Dictionary<string, Topic> Topics { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("snsMessages")] public List<PublishedMessage> SnsMessages { get; init; } = [];
    [JsonPropertyName("queues")] public Dictionary<string, QueueRecord> Queues { get; init; } = new(StringComparer.Ordinal);
    [JsonPropertyName("opsItems")] public Dictionary<string, OpsItem> OpsItems { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The account's IAM alias (IAM keeps at most one).</summary>
    [JsonPropertyName("accountAliases")] public List<string> AccountAliases { get; init; } = [];

    [JsonPropertyName("requestCounts")] public Dictionary<string, int> RequestCounts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Which IAM roles may invoke which functions (the sandbox has no IAM; see <see cref="RolePermission"/>).</summary>
    [JsonPropertyName("rolePermissions")] public List<RolePermission> RolePermissions { get; init; } = [];

    /// <summary>Which services IAM roles trust (see <see cref="RoleTrust"/>); a role not listed trusts API Gateway.</summary>
    [JsonPropertyName("roleTrusts")] public List<RoleTrust> RoleTrusts { get; init; } = [];

    [JsonPropertyName("subscriptionDeliveries")] public List<SubscriptionDelivery> SubscriptionDeliveries { get; init; } = [];

    /// <summary>Monotonic counter behind log event ids and other sequence numbers.</summary>
    [JsonPropertyName("sequence")] public long Sequence { get; set; }

    /// <summary>True when an API id is taken by either API Gateway version (they share one id space).</summary>
    public bool ApiIdTaken(string id) => RestApis.ContainsKey(id) || ApisV2.ContainsKey(id);
}

/// <summary>One delivery of log events to a registered subscriber, and how it ended.</summary>
internal sealed record SubscriptionDelivery(
    [property: JsonPropertyName("logGroup")] string LogGroup,
    [property: JsonPropertyName("logStream")] string LogStream,
    [property: JsonPropertyName("eventCount")] int EventCount,
    [property: JsonPropertyName("error")] string? Error);
