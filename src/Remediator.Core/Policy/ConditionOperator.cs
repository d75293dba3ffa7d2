namespace Remediator.Core.Policy;

/// <summary>
/// A condition operator name split into its parts: optional set qualifier
/// (<c>ForAnyValue:</c>/<c>ForAllValues:</c>), the base operator and an optional <c>IfExists</c> suffix.
/// </summary>
internal sealed record ConditionOperator(SetQualifier Qualifier, ConditionBase Base, bool IfExists)
{
    private const string IfExistsSuffix = "IfExists";

    public bool IsNegated => Base is ConditionBase.StringNotEquals or ConditionBase.StringNotEqualsIgnoreCase
        or ConditionBase.StringNotLike or ConditionBase.ArnNotEquals or ConditionBase.ArnNotLike;

    /// <summary>Recognises the supported operators; names compare case-insensitively.</summary>
    public static ConditionOperator? Parse(string name)
    {
        var qualifier = SetQualifier.None;
        var rest = name.AsSpan();
        if (rest.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase))
        {
            qualifier = SetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase))
        {
            qualifier = SetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }

        var ifExists = rest.EndsWith(IfExistsSuffix, StringComparison.OrdinalIgnoreCase);
        if (ifExists)
        {
            rest = rest[..^IfExistsSuffix.Length];
        }

        if (!TryParseBase(rest, out var baseOperator))
        {
            return null;
        }

        // IAM defines Null without IfExists and without set qualifiers.
        if (baseOperator == ConditionBase.Null && (ifExists || qualifier != SetQualifier.None))
        {
            return null;
        }

        return new ConditionOperator(qualifier, baseOperator, ifExists);
    }

    // Compared by name only: Enum.TryParse would also accept numbers and comma lists.
    private static bool TryParseBase(ReadOnlySpan<char> name, out ConditionBase baseOperator)
    {
        foreach (var candidate in Enum.GetValues<ConditionBase>())
        {
            if (name.Equals(candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                baseOperator = candidate;
                return true;
            }
        }

        baseOperator = default;
        return false;
    }
}

/// <summary>How a condition treats a multi-valued request key.</summary>
internal enum SetQualifier
{
    None,
    ForAnyValue,
    ForAllValues,
}

/// <summary>The condition operators Remediator evaluates; any other fails closed.</summary>
internal enum ConditionBase
{
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}
