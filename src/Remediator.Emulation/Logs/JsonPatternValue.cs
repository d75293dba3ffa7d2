using System.Globalization;
using System.Text.Json;
using Remediator.Core.Policy;

namespace Remediator.Emulation.Logs;

/// <summary>The right-hand side of a JSON pattern comparison: a number, a string (with <c>*</c>) or a regex.</summary>
internal abstract record JsonPatternValue
{
    public static JsonPatternValue FromToken(JsonPatternToken token)
    {
        return token.Kind switch
        {
            JsonPatternTokenKind.QuotedString => new Text(token.Text),
            JsonPatternTokenKind.Regex => new Pattern(FilterTerm.Regex(token.Text, token.Position)),
            JsonPatternTokenKind.Word when TryParseNumber(token.Text, out var number) => new Number(number, token.Text),
            JsonPatternTokenKind.Word => new Text(token.Text),
            _ => throw new FilterPatternException($"expected a value, found '{token.Text}'", token.Position),
        };
    }

    public abstract bool Compare(string op, JsonElement field);

    // Strings compare with the field's text; numbers and booleans through their JSON spelling.
    private static string? TextOf(JsonElement field) => field.ValueKind switch
    {
        JsonValueKind.String => field.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => field.GetRawText(),
        _ => null,
    };

    private static bool TryParseNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    internal sealed record Text(string Value) : JsonPatternValue
    {
        public override bool Compare(string op, JsonElement field)
        {
            if (TextOf(field) is not { } text)
            {
                return false;
            }

            var equal = WildcardMatcher.IsMatch(Value, text, ignoreCase: false, questionMark: false);
            return op == "=" ? equal : !equal;
        }
    }

    internal sealed record Pattern(FilterTerm Regex) : JsonPatternValue
    {
        public override bool Compare(string op, JsonElement field)
        {
            if (TextOf(field) is not { } text)
            {
                return false;
            }

            var match = Regex.Matches(text);
            return op == "=" ? match : !match;
        }
    }

    internal sealed record Number(double Value, string Spelling) : JsonPatternValue
    {
        public override bool Compare(string op, JsonElement field)
        {
            if (field.ValueKind == JsonValueKind.String && op is "=" or "!=")
            {
                // A quoted number in the event ("status": "500") equals the literal spelled the same way.
                var same = string.Equals(field.GetString(), Spelling, StringComparison.Ordinal);
                return op == "=" ? same : !same;
            }

            if (field.ValueKind != JsonValueKind.Number || !field.TryGetDouble(out var actual))
            {
                return false;
            }

            return op switch
            {
                "=" => actual == Value,
                "!=" => actual != Value,
                "<" => actual < Value,
                "<=" => actual <= Value,
                ">" => actual > Value,
                ">=" => actual >= Value,
                _ => false,
            };
        }
    }
}
