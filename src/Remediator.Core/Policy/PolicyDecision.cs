namespace Remediator.Core.Policy;

/// <summary>The result of evaluating a resource policy for one request.</summary>
/// <param name="DecidingStatements">
/// The statements that decided it: every applying Deny for <see cref="PolicyDecisionKind.ExplicitDeny"/>,
/// every applying Allow for <see cref="PolicyDecisionKind.Allowed"/>, none for an implicit deny.
/// Named by Sid, or <c>#index</c> when a statement has none.
/// </param>
/// <param name="Uncertainties">
/// What the evaluator could not decide faithfully and resolved fail-closed (an Allow it did not count,
/// a Deny it counted); empty when the decision is exact.
/// </param>
public sealed record PolicyDecision(
    PolicyDecisionKind Kind, IReadOnlyList<string> DecidingStatements, IReadOnlyList<string> Uncertainties)
{
    public bool IsAllowed => Kind == PolicyDecisionKind.Allowed;

    public static PolicyDecision NoPolicy { get; } = new(PolicyDecisionKind.ImplicitDeny, [], []);
}

/// <summary>IAM's three outcomes for a request.</summary>
public enum PolicyDecisionKind
{
    /// <summary>An Allow applies and no Deny does.</summary>
    Allowed,

    /// <summary>A Deny applies (it wins over any Allow): adding an Allow would not help.</summary>
    ExplicitDeny,

    /// <summary>Nothing applies: the request is denied by default; a matching Allow would fix it.</summary>
    ImplicitDeny,
}
