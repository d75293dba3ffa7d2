namespace Remediator.Emulation.Logs;

internal enum JsonPatternTokenKind
{
    OpenBrace,
    CloseBrace,
    OpenParen,
    CloseParen,
    And,
    Or,
    Operator,
    Selector,
    QuotedString,
    Word,
    Regex,
    End,
}

/// <summary>One lexical token of a JSON filter pattern, with its 0-based position for error messages.</summary>
internal readonly record struct JsonPatternToken(JsonPatternTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) =>
        Kind == JsonPatternTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
