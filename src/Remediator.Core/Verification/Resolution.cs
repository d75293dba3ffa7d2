using Remediator.Core.Decisions;

namespace Remediator.Core.Verification;

/// <summary>What resolution found: the candidate targets, or why the control plane cannot show one.</summary>
public sealed record Resolution
{
    private Resolution(IReadOnlyList<ResolvedTarget> targets, OutcomeReason? failure, string? problem, IReadOnlyList<string> trail)
    {
        Targets = targets;
        Failure = failure;
        Problem = problem;
        Trail = trail;
    }

    /// <summary>Targets served by the request (one when the request was known; any number from a stage sweep).</summary>
    public IReadOnlyList<ResolvedTarget> Targets { get; }

    /// <summary>The ticket reason when nothing could be resolved.</summary>
    public OutcomeReason? Failure { get; }

    /// <summary>Why, for people.</summary>
    public string? Problem { get; }

    /// <summary>What was read, in order.</summary>
    public IReadOnlyList<string> Trail { get; }

    /// <summary>True when <see cref="Failure"/> is set.</summary>
    public bool IsFailure => Failure is not null;

    internal static Resolution Found(IReadOnlyList<ResolvedTarget> targets, IReadOnlyList<string> trail) => new(targets, null, null, trail);

    internal static Resolution Failed(OutcomeReason reason, string problem, IReadOnlyList<string> trail) => new([], reason, problem, trail);
}
