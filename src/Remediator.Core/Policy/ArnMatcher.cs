namespace Remediator.Core.Policy;

/// <summary>
/// IAM ARN matching (ArnEquals/ArnLike and the Resource element): an ARN has six colon-delimited
/// components, the sixth being the rest (it may contain colons); each is matched separately,
/// case-sensitively, with <c>*</c> and <c>?</c> confined to its component.
/// </summary>
public static class ArnMatcher
{
    private const int ComponentCount = 6;

    /// <summary>True when the ARN <paramref name="value"/> matches the ARN pattern <paramref name="pattern"/> (a bare <c>*</c> matches anything).</summary>
    public static bool IsMatch(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        if (pattern == "*")
        {
            return true;
        }

        var patternParts = pattern.Split(':', ComponentCount);
        var valueParts = value.Split(':', ComponentCount);
        if (patternParts.Length != ComponentCount || valueParts.Length != ComponentCount)
        {
            // Not an ARN on one side: IAM's ARN operators do not match it.
            return false;
        }

        for (var i = 0; i < ComponentCount; i++)
        {
            if (!WildcardMatcher.IsMatch(patternParts[i], valueParts[i], ignoreCase: false))
            {
                return false;
            }
        }

        return true;
    }
}
