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

    /// <summary>True when the function's policy was read and judged (so the record's intent, if any, was checked against it).</summary>
    public bool PolicyJudged { get; init; }

    /// <summary>The statement an earlier pass added, when <see cref="FixedEarlier"/>.</summary>
    public Ports.AppliedPermission? Applied { get; init; }

    /// <summary>True when the earlier fix was never recorded (found from its intent) and this pass records it.</summary>
    public bool NewFix { get; init; }
}
