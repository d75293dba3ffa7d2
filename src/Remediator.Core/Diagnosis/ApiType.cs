using System.Text.Json.Serialization;

namespace Remediator.Core.Diagnosis;

/// <summary>The kind of API a finding came from, as far as the logs tell; the control plane has the final word.</summary>
public enum ApiType
{
    /// <summary>The logs do not say (for example ERROR-level execution logs without context lines).</summary>
    [JsonStringEnumMemberName("UNKNOWN")]
    Unknown,

    /// <summary>API Gateway v1 REST API.</summary>
    [JsonStringEnumMemberName("REST")]
    Rest,

    /// <summary>API Gateway v2 HTTP API.</summary>
    [JsonStringEnumMemberName("HTTP")]
    Http,

    /// <summary>API Gateway v2 WebSocket API.</summary>
    [JsonStringEnumMemberName("WEBSOCKET")]
    WebSocket,
}
