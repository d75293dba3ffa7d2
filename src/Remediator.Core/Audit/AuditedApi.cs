using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;

namespace Remediator.Core.Audit;

/// <summary>An API being audited: where it lives, its type and name.</summary>
internal sealed record AuditedApi(ApiTarget Target, ApiType Type, string Name)
{
    public string Id => Target.ApiId;

    /// <summary>Its place in a sweep's order (REST APIs by id, then HTTP and WebSocket APIs by id): <c>rest/{id}</c> or <c>v2/{id}</c>.</summary>
    public string SweepKey => (Type == ApiType.Rest ? "rest/" : "v2/") + Id;
}
