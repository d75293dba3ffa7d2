using Remediator.Core.Policy;

namespace Remediator.Core.Revert;

/// <summary>One read of a function's policy for a revert.</summary>
/// <param name="Document">The parsed policy; null when there is none, the function is missing or the policy cannot be read.</param>
/// <param name="RevisionId">The revision read, to make the removal conditional on.</param>
/// <param name="FunctionMissing">True when the function (or qualifier) does not exist.</param>
/// <param name="Problem">Why there is no document, for people; null when the function simply has no policy.</param>
internal sealed record PolicyRead(PolicyDocument? Document, string? RevisionId, bool FunctionMissing, string? Problem);
