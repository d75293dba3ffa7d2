using System.Diagnostics.CodeAnalysis;

namespace Remediator.Emulation.Logs;

/// <summary>
/// A parsed CloudWatch Logs filter pattern (the syntax shared by subscription filters, metric filters and
/// FilterLogEvents) that decides whether one log event message matches.
/// </summary>
/// <remarks>
/// Supported: the empty pattern (matches everything); unstructured terms, bare or double-quoted, which must
/// all appear; <c>?term</c> alternatives, of which at least one must appear; <c>-term</c> exclusions;
/// <c>%regex%</c> terms; and JSON patterns <c>{ $.a.b[0] = "x*" &amp;&amp; ($.n &gt;= 5 || $.c IS NULL) }</c>
/// with <c>=</c>, <c>!=</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>IS NULL</c>,
/// <c>IS TRUE</c>, <c>IS FALSE</c>, <c>NOT EXISTS</c> and <c>*</c> wildcards in string values.
/// Matching is case-sensitive and ordinal, as CloudWatch documents. Space-delimited patterns
/// (<c>[a, b, ...]</c>) are rejected rather than guessed at.
/// </remarks>
public sealed class FilterPattern
{
    private readonly Func<string, bool> _matches;

    private FilterPattern(string text, FilterPatternKind kind, Func<string, bool> matches)
    {
        Text = text;
        Kind = kind;
        _matches = matches;
    }

    /// <summary>The pattern exactly as given.</summary>
    public string Text { get; }

    /// <summary>Which of the pattern syntaxes this is.</summary>
    public FilterPatternKind Kind { get; }

    /// <summary>Parses a pattern; throws <see cref="FilterPatternException"/> when it is not valid.</summary>
    public static FilterPattern Parse(string? pattern)
    {
        var text = pattern ?? string.Empty;
        var body = text.Trim();
        if (body.Length == 0)
        {
            return new FilterPattern(text, FilterPatternKind.MatchAll, static _ => true);
        }

        if (body[0] == '{')
        {
            var condition = JsonPatternParser.Parse(body);
            return new FilterPattern(text, FilterPatternKind.Json, condition.Matches);
        }

        if (body[0] == '[')
        {
            throw new FilterPatternException("Space-delimited filter patterns ([...]) are not supported.", 0);
        }

        var terms = TermPattern.Parse(body);
        return new FilterPattern(text, FilterPatternKind.Terms, terms.Matches);
    }

    /// <summary>Parses a pattern, returning the reason instead of throwing when it is not valid.</summary>
    public static bool TryParse(
        string? pattern,
        [NotNullWhen(true)] out FilterPattern? result,
        [NotNullWhen(false)] out string? error)
    {
        try
        {
            result = Parse(pattern);
            error = null;
            return true;
        }
        catch (FilterPatternException ex)
        {
            result = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>True when the log event message matches this pattern.</summary>
    public bool Matches(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _matches(message);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
