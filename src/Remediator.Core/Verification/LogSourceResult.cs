using Remediator.Core.Decisions;

namespace Remediator.Core.Verification;

/// <summary>Whether lines count as API Gateway's own, and why, in one sentence.</summary>
/// <param name="Counts">True when the lines come from where API Gateway writes them for the stage.</param>
/// <param name="Kind">Execution or access log, as the log group tells.</param>
/// <param name="Detail">Lower-case start, no full stop, as <see cref="Decision.Detail"/>.</param>
public sealed record LogSourceResult(bool Counts, LogSourceKind Kind, string Detail)
{
    /// <summary>What the engine decides when the lines do not count: <c>Ignored(LogSourceMismatch)</c>; null when they do.</summary>
    public Decision? Refusal => Counts ? null : Decision.Ignored(OutcomeReason.LogSourceMismatch, Detail);
}
