using System.Text.Json;

namespace Remediator.Core.Policy;

/// <summary>
/// The elements of a policy statement (Effect, Principal, Action, Resource, Condition and their Not- forms), read
/// as strictly as <see cref="PolicyParser"/> reads the document: a shape outside the IAM grammar is an error.
/// </summary>
internal static class PolicyElementParser
{
    private static readonly HashSet<string> PrincipalTypes = ["AWS", "Service", "Federated", "CanonicalUser"];

    private delegate bool ElementParser<T>(JsonElement element, bool negated, out T value, out string error);

    /// <summary>Collects an object's members, refusing unknown names and duplicates (IAM names are case-sensitive).</summary>
    public static bool TryReadMembers(
        JsonElement element, HashSet<string>? allowed, string what, out Dictionary<string, JsonElement> members, out string error)
    {
        members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        error = string.Empty;
        foreach (var property in element.EnumerateObject())
        {
            if (allowed is not null && !allowed.Contains(property.Name))
            {
                error = $"{what} has unknown element \"{property.Name}\"";
                return false;
            }

            // A duplicated element is ambiguous (which one would IAM use?), so it is refused.
            if (!members.TryAdd(property.Name, property.Value))
            {
                error = $"{what} repeats \"{property.Name}\"";
                return false;
            }
        }

        return true;
    }

    /// <summary><c>Effect</c>: exactly <c>"Allow"</c> or <c>"Deny"</c>.</summary>
    public static bool TryParseEffect(Dictionary<string, JsonElement> members, out PolicyEffect effect, out string error)
    {
        effect = PolicyEffect.Deny;
        error = string.Empty;
        if (!members.TryGetValue("Effect", out var element))
        {
            error = "has no Effect";
            return false;
        }

        // Case-sensitive like IAM: "allow" is not a valid Effect, and a statement we cannot classify
        // must not be counted as either.
        switch (element.ValueKind == JsonValueKind.String ? element.GetString() : null)
        {
            case "Allow":
                effect = PolicyEffect.Allow;
                return true;
            case "Deny":
                effect = PolicyEffect.Deny;
                return true;
            default:
                error = $"Effect {element.GetRawText()} is neither \"Allow\" nor \"Deny\"";
                return false;
        }
    }

    /// <summary><c>Principal</c> or <c>NotPrincipal</c>: <c>"*"</c> or an object of principal types; null when neither is present.</summary>
    public static bool TryParsePrincipal(Dictionary<string, JsonElement> members, out PrincipalElement? principal, out string error) =>
        TryParseEitherOf<PrincipalElement>(members, "Principal", "NotPrincipal", TryReadPrincipal, out principal, out error);

    /// <summary><paramref name="name"/> or <paramref name="negatedName"/> (Action, Resource): patterns; null when neither is present.</summary>
    public static bool TryParsePatterns(
        Dictionary<string, JsonElement> members, string name, string negatedName, out PatternElement? patterns, out string error) =>
        TryParseEitherOf<PatternElement>(members, name, negatedName, TryReadPatterns, out patterns, out error);

    private static bool TryParseEitherOf<T>(
        Dictionary<string, JsonElement> members, string name, string negatedName, ElementParser<T> parse, out T? value, out string error)
        where T : class
    {
        value = null;
        error = string.Empty;
        var hasPlain = members.TryGetValue(name, out var plain);
        var hasNegated = members.TryGetValue(negatedName, out var negated);
        if (hasPlain && hasNegated)
        {
            error = $"has both {name} and {negatedName}";
            return false;
        }

        if (!hasPlain && !hasNegated)
        {
            return true;
        }

        if (!parse(hasPlain ? plain : negated, !hasPlain, out var parsed, out error))
        {
            error = $"{(hasPlain ? name : negatedName)} {error}";
            return false;
        }

        value = parsed;
        return true;
    }

    private static bool TryReadPatterns(JsonElement element, bool negated, out PatternElement value, out string error)
    {
        value = null!;
        if (!TryReadStrings(element, allowScalars: false, out var patterns, out error))
        {
            return false;
        }

        value = new PatternElement(negated, patterns);
        return true;
    }

    private static bool TryReadPrincipal(JsonElement element, bool negated, out PrincipalElement value, out string error)
    {
        value = null!;
        error = string.Empty;
        if (element.ValueKind == JsonValueKind.String)
        {
            if (element.GetString() != "*")
            {
                error = "is a string other than \"*\"";
                return false;
            }

            value = new PrincipalElement(negated, IsWildcard: true, []);
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object
            || !TryReadMembers(element, PrincipalTypes, "principal", out var members, out error))
        {
            error = error.Length > 0 ? error : "is neither \"*\" nor an object";
            return false;
        }

        if (members.Count == 0)
        {
            error = "is an empty object";
            return false;
        }

        var entries = new List<PrincipalEntry>();
        foreach (var (type, identifiers) in members)
        {
            if (!TryReadStrings(identifiers, allowScalars: false, out var values, out error))
            {
                error = $"{type} {error}";
                return false;
            }

            entries.AddRange(values.Select(v => new PrincipalEntry(type, v)));
        }

        value = new PrincipalElement(negated, IsWildcard: false, entries);
        return true;
    }

    /// <summary><c>Condition</c>: operator → key → one or more values; empty when absent.</summary>
    public static bool TryParseConditions(
        Dictionary<string, JsonElement> members, out IReadOnlyList<ConditionClause> conditions, out string error)
    {
        conditions = [];
        error = string.Empty;
        if (!members.TryGetValue("Condition", out var element))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object
            || !TryReadMembers(element, allowed: null, "Condition", out var operators, out error))
        {
            error = error.Length > 0 ? error : "Condition is not an object";
            return false;
        }

        var clauses = new List<ConditionClause>();
        foreach (var (op, block) in operators)
        {
            if (block.ValueKind != JsonValueKind.Object
                || !TryReadMembers(block, allowed: null, $"Condition {op}", out var keys, out error))
            {
                error = error.Length > 0 ? error : $"Condition {op} is not an object";
                return false;
            }

            foreach (var (key, values) in keys)
            {
                if (!TryReadStrings(values, allowScalars: true, out var list, out error))
                {
                    error = $"Condition {op} {key} {error}";
                    return false;
                }

                clauses.Add(new ConditionClause(op, key, list));
            }
        }

        conditions = clauses;
        return true;
    }

    /// <summary>A string or a non-empty array of strings; condition values may also be numbers or booleans.</summary>
    private static bool TryReadStrings(JsonElement element, bool allowScalars, out IReadOnlyList<string> values, out string error)
    {
        values = [];
        error = string.Empty;
        if (TryReadScalar(element, allowScalars, out var single))
        {
            values = [single];
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            error = "is neither a string nor a non-empty array of strings";
            return false;
        }

        var list = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (!TryReadScalar(item, allowScalars, out var text))
            {
                error = "contains a value that is not a string";
                return false;
            }

            list.Add(text);
        }

        values = list;
        return true;
    }

    private static bool TryReadScalar(JsonElement element, bool allowScalars, out string text)
    {
        text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.True when allowScalars => "true",
            JsonValueKind.False when allowScalars => "false",
            JsonValueKind.Number when allowScalars => element.GetRawText(),
            _ => null!,
        };
        return text is not null;
    }
}
