using Remediator.Core.Configuration;
using Remediator.Core.Policy;

namespace Remediator.Core.Decisions;

/// <summary>
/// The guardrails that keep Remediator's hands off a function, all failing closed: the name filters and
/// the exemption tag (docs/ARCHITECTURE.md, "Safety rules" 7).
/// </summary>
public static class Exemptions
{
    /// <summary>The ticket for a function the name filters exempt; null otherwise.</summary>
    public static Decision? ByName(LambdaFunctionArn function, FunctionNameFilter filter)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(filter);
        return filter.Permits(function.FunctionName)
            ? null
            : Decision.Ticket(OutcomeReason.Exempted, $"function {function.FunctionName} is excluded by the allow/deny function-name patterns; the fix must be applied by hand");
    }

    /// <summary>The ticket for a function whose tags exempt it; null otherwise.</summary>
    public static Decision? ByTags(LambdaFunctionArn function, IReadOnlyDictionary<string, string> tags, string exemptTag)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(tags);
        if (!tags.TryGetValue(exemptTag, out string? value))
        {
            return null;
        }

        // Only an explicit "false" keeps a function in scope: a typo in "true" must not let Remediator in.
        return string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase)
            ? null
            : Decision.Ticket(OutcomeReason.Exempted, $"function {function.FunctionName} is tagged {exemptTag}={value}; the fix must be applied by hand");
    }

    /// <summary>The ticket for a function whose tags could not be read: exemption cannot be ruled out.</summary>
    public static Decision TagsUnreadable(LambdaFunctionArn function, string error)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Decision.Ticket(OutcomeReason.Exempted, $"the tags of {function.UnqualifiedArn} could not be read ({error}), so it is treated as exempt; the fix must be applied by hand");
    }
}
