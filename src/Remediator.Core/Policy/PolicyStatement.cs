namespace Remediator.Core.Policy;

/// <summary>One statement of a policy, as written (no normalisation beyond JSON shape).</summary>
public sealed record PolicyStatement
{
    /// <summary>Position in the policy's Statement list, from 0.</summary>
    public required int Index { get; init; }

    public string? Sid { get; init; }

    public required PolicyEffect Effect { get; init; }

    /// <summary><c>Principal</c> or <c>NotPrincipal</c>; absent in a resource policy means the statement is malformed.</summary>
    public PrincipalElement? Principal { get; init; }

    /// <summary><c>Action</c> or <c>NotAction</c>.</summary>
    public required PatternElement Action { get; init; }

    /// <summary><c>Resource</c> or <c>NotResource</c>.</summary>
    public PatternElement? Resource { get; init; }

    /// <summary>Every operator/key pair of the <c>Condition</c> block; all must hold.</summary>
    public IReadOnlyList<ConditionClause> Conditions { get; init; } = [];

    /// <summary>How decisions name this statement: its Sid, or its position when it has none.</summary>
    public string Reference => Sid ?? $"#{Index}";
}
