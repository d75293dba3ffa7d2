using System.Text.RegularExpressions;

namespace Remediator.Emulation.Logs;

/// <summary>One term of a pattern: literal text (bare or quoted) or a <c>%regex%</c>.</summary>
internal abstract record FilterTerm
{
    public abstract bool Matches(string text);

    public static FilterTerm Literal(string text) => new LiteralTerm(text);

    public static FilterTerm Regex(string body, int position) => new RegexTerm(body, position);

    private sealed record LiteralTerm(string Text) : FilterTerm
    {
        // CloudWatch documents terms as case-sensitive text the event must contain.
        public override bool Matches(string text) => text.Contains(Text, StringComparison.Ordinal);
    }

    private sealed record RegexTerm : FilterTerm
    {
        // What CloudWatch accepts between the percent signs, besides letters and digits.
        private const string AllowedSymbols = "_#=@/;,-:^$?[]{}|\\*+.";

        // A regex here runs against arbitrary log text; a pathological one must not stall the caller.
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

        private readonly Regex _regex;

        public RegexTerm(string body, int position)
        {
            if (body.Length == 0)
            {
                throw new FilterPatternException("empty regular expression", position);
            }

            for (var i = 0; i < body.Length; i++)
            {
                var c = body[i];
                if (!char.IsAsciiLetterOrDigit(c) && !AllowedSymbols.Contains(c, StringComparison.Ordinal))
                {
                    throw new FilterPatternException($"character '{c}' is not supported in a regular expression", position + 1 + i);
                }
            }

            try
            {
                // ECMAScript keeps \d and \w to ASCII, closer to what CloudWatch's engine accepts.
                _regex = new Regex(body, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new FilterPatternException($"invalid regular expression: {ex.Message}", position);
            }

            Body = body;
        }

        public string Body { get; }

        public override bool Matches(string text)
        {
            try
            {
                return _regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                // An event the engine cannot decide in time is treated as not matching, never as a match.
                return false;
            }
        }
    }
}
