namespace Remediator.Core.Policy;

/// <summary>Matches a statement's Principal, Action and Resource elements against a request.</summary>
internal static class StatementMatcher
{
    public static Applicability Principal(PrincipalElement? element, RequestPrincipal principal)
    {
        if (element is null)
        {
            return Applicability.Unknown("statement has no Principal (required in a resource-based policy)");
        }

        var matches = element.IsWildcard || element.Entries.Any(entry => EntryMatches(entry, principal));
        return Applicability.From(matches != element.IsNegated);
    }

    /// <summary>Action names compare case-insensitively, with <c>*</c>/<c>?</c> wildcards (e.g. <c>lambda:*</c>).</summary>
    public static Applicability Action(PatternElement element, string action)
    {
        var matches = element.Patterns.Any(p => WildcardMatcher.IsMatch(p, action, ignoreCase: true));
        return Applicability.From(matches != element.IsNegated);
    }

    /// <summary>Resources compare as ARNs: per component, case-sensitive, wildcards within a component.</summary>
    public static Applicability Resource(PatternElement? element, string resource)
    {
        if (element is null)
        {
            return Applicability.Unknown("statement has no Resource");
        }

        var matches = element.Patterns.Any(p => ArnMatcher.IsMatch(p, resource));
        return Applicability.From(matches != element.IsNegated);
    }

    private static bool EntryMatches(PrincipalEntry entry, RequestPrincipal principal)
    {
        // {"AWS": "*"} means everyone, the same as "Principal": "*".
        if (entry.Type == "AWS" && entry.Value == "*")
        {
            return true;
        }

        return (entry.Type, principal.Kind) switch
        {
            // Service principals are DNS-style names, so case does not distinguish them.
            ("Service", RequestPrincipalKind.Service) =>
                string.Equals(entry.Value, principal.Identifier, StringComparison.OrdinalIgnoreCase),
            ("AWS", RequestPrincipalKind.Aws) => AwsPrincipalMatches(entry.Value, principal.Identifier),
            _ => false,
        };
    }

    // An account id names the account root: "123456789012" is "arn:aws:iam::123456789012:root".
    private static bool AwsPrincipalMatches(string policyValue, string requestArn)
    {
        if (string.Equals(policyValue, requestArn, StringComparison.Ordinal))
        {
            return true;
        }

        var parts = requestArn.Split(':', 6);
        return policyValue.Length == 12 && policyValue.All(char.IsAsciiDigit)
            && parts.Length == 6 && parts[2] == "iam" && parts[4] == policyValue && parts[5] == "root";
    }
}
