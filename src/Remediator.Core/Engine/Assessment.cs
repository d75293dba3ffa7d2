using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// What a pass verified and decided about one root cause, in enforce-mode terms: its claim, the target and
/// plans the decision rests on, and what was read for the root cause as a whole.
/// </summary>
internal sealed record Assessment
{
    /// <summary>The root cause assessed.</summary>
    public required RootCause RootCause { get; init; }

    /// <summary>The lease held on it; null when it was settled without a claim or another invocation holds it.</summary>
    public Claim? Claim { get; init; }

    /// <summary>The decision enforce mode would take.</summary>
    public required Decision Decision { get; init; }

    /// <summary>The target the decision is about.</summary>
    public ResolvedTarget? Target { get; init; }

    /// <summary>The plan the decision rests on: the grant, and the request the policy was judged for.</summary>
    public GrantPlan? Plan { get; init; }

    /// <summary>One plan per member's request when each was planned (aligned with the members); the policy must allow each.</summary>
    public IReadOnlyList<GrantPlan> Plans { get; init; } = [];

    /// <summary>What was read for the root cause as a whole (function, policy, tags).</summary>
    public IReadOnlyList<string> Verified { get; init; } = [];

    /// <summary>
    /// The RevisionId of the policy the decision was judged on; null when the function had no policy. The write is
    /// conditional on it, so a policy that changes afterwards is noticed without reading it again.
    /// </summary>
    public string? PolicyRevision { get; init; }

    /// <summary>True when an earlier attempt made the fix and this pass only reports it.</summary>
    public bool FixedEarlier { get; init; }

    /// <summary>The statement an earlier attempt added, when <see cref="FixedEarlier"/>.</summary>
    public Ports.AppliedPermission? AppliedEarlier { get; init; }

    /// <summary>True when the earlier fix was found from its intent and is recorded by this pass.</summary>
    public bool NewFix { get; init; }

    /// <summary>True when the function's policy was read and judged in this pass.</summary>
    public bool PolicyJudged { get; init; }

    /// <summary>The API type as the control plane reports it (the log's hint until resolved).</summary>
    public ApiType ApiType => Target?.ApiType ?? RootCause.Leader.Finding.ApiType;

    /// <summary>True when the decision is a permission this pass still has to add (under a claim, with a plan).</summary>
    public bool IsWriteDue(Decision decided) =>
        Claim is not null
        && Plan is not null
        && !FixedEarlier
        && decided is { Outcome: RemediationOutcome.Fixed, Reason: OutcomeReason.PermissionMissing };
}
