using Remediator.Core.Decisions;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>What judging one target against its function's policy found.</summary>
internal sealed record Judgement(
    Decision Decision,
    ResolvedTarget Target,
    GrantPlan? Plan,
    IReadOnlyList<GrantPlan> Plans,
    IReadOnlyList<string> Verified,
    bool FixedEarlier = false)
{
    /// <summary>The RevisionId of the policy judged; null when the function had no policy (or none was read).</summary>
    public string? PolicyRevision { get; init; }
}
