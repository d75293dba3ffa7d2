using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;

namespace Remediator.Core.Audit;

/// <summary>An API being audited: where it lives, its type and name.</summary>
internal sealed record AuditedApi(ApiTarget Target, ApiType Type, string Name)
{
    public string Id => Target.ApiId;
}
