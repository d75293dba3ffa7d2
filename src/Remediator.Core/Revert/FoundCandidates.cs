namespace Remediator.Core.Revert;

/// <summary>What a revert found to consider, before anything is removed.</summary>
/// <param name="Candidates">The statements to revert, in the order they are handled.</param>
/// <param name="Refused">Fix records or policies refused while finding them; reported before the candidates.</param>
/// <param name="Untouched">Statements of the named function's policy whose ids are not Remediator's.</param>
internal sealed record FoundCandidates(IReadOnlyList<RevertCandidate> Candidates, IReadOnlyList<RevertResult> Refused, int Untouched);
