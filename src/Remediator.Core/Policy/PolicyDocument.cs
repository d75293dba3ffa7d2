namespace Remediator.Core.Policy;

/// <summary>A parsed resource-based policy (what Lambda's GetPolicy returns as a JSON string).</summary>
public sealed record PolicyDocument(string? Version, string? Id, IReadOnlyList<PolicyStatement> Statements)
{
    /// <summary>The statement with this exact <c>Sid</c>, if any (Lambda statement ids are case-sensitive).</summary>
    public PolicyStatement? FindStatement(string sid) =>
        Statements.FirstOrDefault(s => string.Equals(s.Sid, sid, StringComparison.Ordinal));
}
