namespace Remediator.Core.Audit;

/// <summary>A statement with a Remediator statement id, found on the policy of an audited function.</summary>
/// <param name="FunctionArn">The unqualified function ARN.</param>
/// <param name="Qualifier">The alias or version whose policy holds it; null for the function itself.</param>
/// <param name="StatementId">Its id.</param>
/// <param name="SourceArn">Its <c>ArnLike AWS:SourceArn</c> value, when it has one.</param>
/// <param name="Refusal">Null when it is exactly what Remediator writes (revert may remove it); else why revert would refuse.</param>
public sealed record RemediatorStatement(string FunctionArn, string? Qualifier, string StatementId, string? SourceArn, string? Refusal)
{
    /// <summary>
    /// Whether its API, stage or route still exists (<see cref="StalenessJudge"/>); judged only for statements revert may
    /// remove (<see cref="Refusal"/> null), and null when not judged (another's shape, or a sweep whose time was up).
    /// </summary>
    public StatementStaleness? Staleness { get; init; }
}
