using Remediator.Core.Decisions;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>How a root cause stands after the write stage: the decision to report, and what this pass wrote.</summary>
internal sealed record WriteResult
{
    /// <summary>The assessment the write started from.</summary>
    public required Assessment Assessment { get; init; }

    /// <summary>The decision to report (mode applied).</summary>
    public required Decision Decision { get; init; }

    /// <summary>The lease to record the outcome under (renewed if it ran out); null when another invocation holds it.</summary>
    public Claim? Claim { get; init; }

    /// <summary>The plan the decision rests on (the one re-judged before writing).</summary>
    public GrantPlan? Plan { get; init; }

    /// <summary>What the write stage read, after the assessment's lines.</summary>
    public IReadOnlyList<string> Verified { get; init; } = [];

    /// <summary>The statement this pass added, when AddPermission succeeded.</summary>
    public AppliedPermission? Applied { get; init; }

    /// <summary>The statement JSON Lambda stored, when <see cref="Applied"/>.</summary>
    public string? StoredStatement { get; init; }

    /// <summary>True when this pass called AddPermission, whether or not it succeeded.</summary>
    public bool TriedWrite { get; init; }

    /// <summary>
    /// True when this pass records a permission Remediator added that no record held yet (added now, or found from
    /// an earlier pass's intent); it counts toward escalation, a repeated announcement does not.
    /// </summary>
    public bool NewFix { get; init; }

    /// <summary>True when the function's policy was read and judged in this pass (the record's intent is settled by it).</summary>
    public bool PolicyJudged { get; init; }

    /// <summary>The result of a root cause for which no write was due.</summary>
    public static WriteResult NotDue(Assessment assessment, Decision decision) => new()
    {
        Assessment = assessment,
        Decision = decision,
        Claim = assessment.Claim,
        Plan = assessment.Plan,
        Applied = decision.Outcome == RemediationOutcome.Fixed ? assessment.AppliedEarlier : null,
        NewFix = decision.Outcome == RemediationOutcome.Fixed && assessment.NewFix,
        PolicyJudged = assessment.PolicyJudged,
    };
}
