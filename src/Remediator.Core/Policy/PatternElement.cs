namespace Remediator.Core.Policy;

/// <summary>An <c>Action</c>/<c>NotAction</c> or <c>Resource</c>/<c>NotResource</c> element: one or more patterns.</summary>
public sealed record PatternElement(bool IsNegated, IReadOnlyList<string> Patterns);
