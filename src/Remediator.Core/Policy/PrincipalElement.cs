namespace Remediator.Core.Policy;

/// <summary>
/// A <c>Principal</c> or <c>NotPrincipal</c> element: <c>"*"</c> (everyone) or a map of principal type
/// (<c>AWS</c>, <c>Service</c>, <c>Federated</c>, <c>CanonicalUser</c>) to one or more identifiers.
/// </summary>
public sealed record PrincipalElement(bool IsNegated, bool IsWildcard, IReadOnlyList<PrincipalEntry> Entries);

/// <summary>One identifier of a principal element, e.g. (<c>Service</c>, <c>apigateway.amazonaws.com</c>).</summary>
public sealed record PrincipalEntry(string Type, string Value);
