using Remediator.Core.Decisions;

namespace Remediator.Core.Verification;

/// <summary>The target one method or route leads to, or why it leads to none.</summary>
internal readonly record struct TargetStep(ResolvedTarget? Target, OutcomeReason Reason, string? Problem)
{
    public static TargetStep Found(ResolvedTarget target) => new(target, default, null);

    public static TargetStep Failed(OutcomeReason reason, string problem) => new(null, reason, problem);

    /// <summary>The resolution of a request that named its method and path or route: this one target.</summary>
    public Resolution ToResolution(IReadOnlyList<string> trail) =>
        Target is null ? Resolution.Failed(Reason, Problem!, trail) : Resolution.Found([Target], trail);
}
