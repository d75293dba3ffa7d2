namespace Remediator.Core.Revert;

/// <summary>How a statement stands just before its removal.</summary>
/// <param name="Final">The statement's result when nothing is to be removed (gone, or refused); null when it may be removed.</param>
/// <param name="RevisionId">The policy revision to remove it at, when <paramref name="Final"/> is null.</param>
internal sealed record Inspection(RevertResult? Final, string? RevisionId);
