using Remediator.Core.Policy;

namespace Remediator.Core.Configuration;

/// <summary>Allow and deny lists of function-name patterns (<c>*</c> matches any run of characters,
/// case-sensitive like Lambda function names). Deny wins; an empty allow list allows every name.</summary>
public sealed record FunctionNameFilter(IReadOnlyList<string> Allow, IReadOnlyList<string> Deny)
{
    /// <summary>Allows every function.</summary>
    public static FunctionNameFilter AllowAll { get; } = new([], []);

    /// <summary>True when a function with this bare name (not an ARN) may be remediated.</summary>
    public bool Permits(string functionName)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        if (Deny.Any(pattern => Matches(pattern, functionName)))
        {
            return false;
        }

        return Allow.Count == 0 || Allow.Any(pattern => Matches(pattern, functionName));
    }

    /// <summary>Glob match with <c>*</c> as the only wildcard (<c>?</c> is literal), case-sensitive.</summary>
    public static bool Matches(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        return WildcardMatcher.IsMatch(pattern, name, ignoreCase: false, questionMark: false);
    }

    /// <summary>Lists compare by content, so two settings read from the same values are equal.</summary>
    public bool Equals(FunctionNameFilter? other) =>
        other is not null && Allow.SequenceEqual(other.Allow, StringComparer.Ordinal)
        && Deny.SequenceEqual(other.Deny, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (string pattern in Allow)
        {
            hash.Add(pattern, StringComparer.Ordinal);
        }

        hash.Add('|');
        foreach (string pattern in Deny)
        {
            hash.Add(pattern, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
