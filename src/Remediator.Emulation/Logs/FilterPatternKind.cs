namespace Remediator.Emulation.Logs;

/// <summary>The syntax a <see cref="FilterPattern"/> was written in.</summary>
public enum FilterPatternKind
{
    /// <summary>The empty pattern: every event matches.</summary>
    MatchAll,

    /// <summary>Unstructured terms (bare, quoted, <c>?</c> alternatives, <c>-</c> exclusions, <c>%regex%</c>).</summary>
    Terms,

    /// <summary>A JSON pattern in braces, evaluated against events whose message is a JSON object.</summary>
    Json,
}
