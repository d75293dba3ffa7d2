namespace Remediator.Core.Audit;

/// <summary>A function policy above <see cref="PolicyLimits.ReportAboveBytes"/> (80% of Lambda's 20 KB), with the consolidation Remediator proposes.</summary>
/// <param name="FunctionArn">The unqualified function ARN.</param>
/// <param name="Qualifier">The alias or version whose policy it is; null for the function's own.</param>
/// <param name="SizeBytes">The policy's size as Lambda counts it (bytes of the document).</param>
/// <param name="Statements">How many statements it has.</param>
/// <param name="Detail">What the proposal does, or why there is none, for people.</param>
/// <param name="Proposal">The consolidation; null when no statements can be merged without widening or guessing.</param>
public sealed record PolicyFinding(string FunctionArn, string? Qualifier, int SizeBytes, int Statements, string Detail, PolicyConsolidation? Proposal)
{
    /// <summary>Lambda's limit, in bytes.</summary>
    public int LimitBytes => PolicyLimits.PolicySizeLimitBytes;

    /// <summary>The size as a whole percentage of the limit (rounded down).</summary>
    public int PercentOfLimit => SizeBytes * 100 / LimitBytes;
}

/// <summary>
/// A proposed policy: advice, printed for an operator to review and apply, never applied by Remediator. It allows exactly
/// what the current policy allows minus the stale Remediator statements it drops: statements are merged only when they
/// grant API Gateway the same function and qualifier under the same source account and every source ARN of theirs is in
/// use by an audited target, into one statement whose <c>ArnLike AWS:SourceArn</c> lists those same ARNs.
/// </summary>
/// <param name="MergedStatementIds">The statements merged (their ids, or <c>#index</c>).</param>
/// <param name="DroppedStaleStatementIds">Remediator statements proven stale, left out of the proposal (<c>remediator revert --stale</c> removes them).</param>
/// <param name="MergedStatements">The statements that replace the merged ones, as JSON.</param>
/// <param name="PolicyJson">The whole proposed policy.</param>
/// <param name="SizeBytes">Its size as Lambda counts it.</param>
/// <param name="RevisionId">The revision it was computed from: the command applies it only if the policy is still at it.</param>
/// <param name="Command">The AWS CLI command that would apply it (PutResourcePolicy, conditional on <paramref name="RevisionId"/>).</param>
public sealed record PolicyConsolidation(
    IReadOnlyList<string> MergedStatementIds,
    IReadOnlyList<string> DroppedStaleStatementIds,
    IReadOnlyList<string> MergedStatements,
    string PolicyJson,
    int SizeBytes,
    string RevisionId,
    string Command);
