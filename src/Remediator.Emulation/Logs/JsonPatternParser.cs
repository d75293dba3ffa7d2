using System.Text.Json;

namespace Remediator.Emulation.Logs;

/// <summary>
/// Recursive-descent parser for JSON filter patterns:
/// <c>{ expr }</c> where <c>expr := and ('||' and)*</c>, <c>and := primary ('&amp;&amp;' primary)*</c>,
/// <c>primary := '(' expr ')' | selector op value | selector IS (NULL|TRUE|FALSE) | selector NOT EXISTS</c>.
/// </summary>
internal sealed class JsonPatternParser
{
    private readonly List<JsonPatternToken> _tokens;
    private int _next;

    private JsonPatternParser(List<JsonPatternToken> tokens) => _tokens = tokens;

    public static JsonCondition Parse(string pattern)
    {
        var parser = new JsonPatternParser(JsonPatternLexer.Tokenize(pattern));
        parser.Expect(JsonPatternTokenKind.OpenBrace, "'{'");
        var condition = parser.ParseOr();
        parser.Expect(JsonPatternTokenKind.CloseBrace, "'}'");
        parser.Expect(JsonPatternTokenKind.End, "the end of the pattern");
        return condition;
    }

    private JsonPatternToken Peek => _tokens[_next];

    private JsonCondition ParseOr()
    {
        var left = ParseAnd();
        while (Peek.Kind == JsonPatternTokenKind.Or)
        {
            _next++;
            left = new JsonCondition.Any(left, ParseAnd());
        }

        return left;
    }

    private JsonCondition ParseAnd()
    {
        var left = ParsePrimary();
        while (Peek.Kind == JsonPatternTokenKind.And)
        {
            _next++;
            left = new JsonCondition.All(left, ParsePrimary());
        }

        return left;
    }

    private JsonCondition ParsePrimary()
    {
        if (Peek.Kind == JsonPatternTokenKind.OpenParen)
        {
            _next++;
            var inner = ParseOr();
            Expect(JsonPatternTokenKind.CloseParen, "')'");
            return inner;
        }

        var selectorToken = Expect(JsonPatternTokenKind.Selector, "a property selector such as $.field");
        var selector = JsonSelector.Parse(selectorToken.Text, selectorToken.Position);
        var next = Take();
        if (next.Kind == JsonPatternTokenKind.Operator)
        {
            var valueToken = Take();
            var value = JsonPatternValue.FromToken(valueToken);
            if (next.Text is not ("=" or "!=") && value is not JsonPatternValue.Number)
            {
                throw new FilterPatternException($"'{next.Text}' compares numbers only", valueToken.Position);
            }

            return new JsonCondition.Compare(selector, next.Text, value);
        }

        if (next.IsKeyword("IS"))
        {
            var what = Take();
            return new JsonCondition.Is(selector, what switch
            {
                _ when what.IsKeyword("NULL") => JsonValueKind.Null,
                _ when what.IsKeyword("TRUE") => JsonValueKind.True,
                _ when what.IsKeyword("FALSE") => JsonValueKind.False,
                _ => throw new FilterPatternException("expected NULL, TRUE or FALSE after IS", what.Position),
            });
        }

        if (next.IsKeyword("NOT"))
        {
            var exists = Take();
            if (!exists.IsKeyword("EXISTS"))
            {
                throw new FilterPatternException("expected EXISTS after NOT", exists.Position);
            }

            return new JsonCondition.NotExists(selector);
        }

        throw new FilterPatternException($"expected an operator after {selector.Text}", next.Position);
    }

    private JsonPatternToken Take()
    {
        var token = Peek;
        if (token.Kind != JsonPatternTokenKind.End)
        {
            _next++;
        }

        return token;
    }

    private JsonPatternToken Expect(JsonPatternTokenKind kind, string description)
    {
        var token = Take();
        if (token.Kind != kind)
        {
            var found = token.Kind == JsonPatternTokenKind.End ? "the end of the pattern" : $"'{token.Text}'";
            throw new FilterPatternException($"expected {description}, found {found}", token.Position);
        }

        return token;
    }
}
