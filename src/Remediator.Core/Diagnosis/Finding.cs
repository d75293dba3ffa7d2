using System.Text.Json.Serialization;

namespace Remediator.Core.Diagnosis;

/// <summary>
/// One root cause seen in a batch, however many events repeated it. Everything taken from a log line is a
/// hint: the function, path and stage a grant names must come from the control plane.
/// </summary>
/// <param name="Kind">What went wrong (the catalogue entry).</param>
/// <param name="ApiType">REST, HTTP, WebSocket, or unknown when the logs do not say.</param>
/// <param name="ApiId">The API id (from the execution log group name or the access-log field).</param>
/// <param name="Stage">The stage name.</param>
/// <param name="HttpMethod">The request's HTTP method, when logged.</param>
/// <param name="ResourcePath">The concrete request path (not the resource template), when logged.</param>
/// <param name="RouteKey">The route key (HTTP and WebSocket APIs), when logged.</param>
/// <param name="FunctionArn">The function ARN from the logged Lambda invoke URI: a hint only.</param>
/// <param name="RequestIds">A bounded sample of the failing requests' ids.</param>
/// <param name="Occurrences">How many requests failed this way in the batch.</param>
/// <param name="FirstTimestamp">When the first evidence was logged.</param>
/// <param name="LastTimestamp">When the last evidence was logged.</param>
/// <param name="Evidence">A few of the log lines that prove it, truncated.</param>
public sealed record Finding(
    FindingKind Kind,
    ApiType ApiType,
    string? ApiId,
    string? Stage,
    string? HttpMethod,
    string? ResourcePath,
    string? RouteKey,
    string? FunctionArn,
    IReadOnlyList<string> RequestIds,
    int Occurrences,
    DateTimeOffset FirstTimestamp,
    DateTimeOffset LastTimestamp,
    IReadOnlyList<string> Evidence)
{
    /// <summary>The root-cause key this finding was coalesced on.</summary>
    [JsonIgnore]
    public RootCauseKey RootCause => RootCauseKey.Of(Kind, ApiId, Stage, HttpMethod, ResourcePath, RouteKey, FunctionArn);

    /// <summary>
    /// Stable across batches and runs for the same logged root cause: the coalescing key of a batch, and the
    /// ledger key of a finding the control plane resolves no single target for (the engine keys a resolved
    /// one on its target instead, so the logged path does not split it).
    /// </summary>
    public string Fingerprint => RootCause.Fingerprint;

    /// <summary>Value equality, including the lists.</summary>
    public bool Equals(Finding? other) =>
        other is not null
        && Kind == other.Kind
        && ApiType == other.ApiType
        && ApiId == other.ApiId
        && Stage == other.Stage
        && HttpMethod == other.HttpMethod
        && ResourcePath == other.ResourcePath
        && RouteKey == other.RouteKey
        && FunctionArn == other.FunctionArn
        && Occurrences == other.Occurrences
        && FirstTimestamp == other.FirstTimestamp
        && LastTimestamp == other.LastTimestamp
        && RequestIds.SequenceEqual(other.RequestIds)
        && Evidence.SequenceEqual(other.Evidence);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, ApiId, Stage, ResourcePath, RouteKey, FunctionArn, Occurrences);
}
