namespace Remediator.Core.Policy;

/// <summary>
/// Whether (part of) a statement applies to a request, in three values: <see cref="MatchOutcome.Unknown"/>
/// marks what the evaluator cannot decide faithfully (an unsupported operator, a malformed element). An
/// Allow only counts on <see cref="MatchOutcome.Match"/>; a Deny counts on Match or Unknown. That is the
/// fail-closed rule: never conclude "allowed" from something not understood, and never write past a
/// Deny that might apply.
/// </summary>
internal readonly record struct Applicability(MatchOutcome Outcome, string? Reason)
{
    public static Applicability Match { get; } = new(MatchOutcome.Match, null);

    public static Applicability NoMatch { get; } = new(MatchOutcome.NoMatch, null);

    public static Applicability Unknown(string reason) => new(MatchOutcome.Unknown, reason);

    public static Applicability From(bool matches) => matches ? Match : NoMatch;

    /// <summary>Kleene AND: a definite NoMatch wins, then Unknown, then Match.</summary>
    public Applicability And(Applicability other) => (Outcome, other.Outcome) switch
    {
        (MatchOutcome.NoMatch, _) => this,
        (_, MatchOutcome.NoMatch) => other,
        (MatchOutcome.Unknown, _) => this,
        _ => other,
    };

    /// <summary>NOT for the Not* elements: Unknown stays Unknown.</summary>
    public Applicability Negate() => Outcome switch
    {
        MatchOutcome.Match => NoMatch,
        MatchOutcome.NoMatch => Match,
        _ => this,
    };
}

/// <summary>Three-valued match result.</summary>
internal enum MatchOutcome
{
    NoMatch,
    Match,
    Unknown,
}
