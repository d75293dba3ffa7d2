namespace Remediator.Core.Policy;

/// <summary>A statement's <c>Effect</c>.</summary>
public enum PolicyEffect
{
    Allow,
    Deny,
}
