namespace Remediator.Core.Configuration;

/// <summary>
/// Which proofs that a function's owner wants an API to call it Remediator accepts before a grant
/// (<c>REMEDIATOR_OWNERSHIP</c>; docs/ARCHITECTURE.md, "Safety rules" 15). Any one accepted proof suffices.
/// </summary>
[Flags]
public enum OwnershipProofs
{
    /// <summary>No proof is asked for: every API editor is trusted (<c>none</c>, only when set explicitly).</summary>
    None = 0,

    /// <summary>The function and the API carry the same <c>aws:cloudformation:stack-id</c> tag.</summary>
    Stack = 1,

    /// <summary>The function's <c>remediator:managed</c> tag is <c>true</c> or names the API.</summary>
    Tag = 2,
}
