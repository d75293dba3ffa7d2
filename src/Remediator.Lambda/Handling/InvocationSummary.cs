using System.Text.Json.Serialization;
using Remediator.Core.Configuration;
using Remediator.Core.Engine;

namespace Remediator.Lambda.Handling;

/// <summary>The invocation's response: what happened, small enough to read in a test invoke.</summary>
/// <param name="RequestId">The Lambda request id.</param>
/// <param name="Mode">observe, recommend or enforce.</param>
/// <param name="EventsRead">Log events in the batch.</param>
/// <param name="IntakeError">Why the payload was refused, when it was.</param>
/// <param name="Counts">Outcomes by name (Fixed, Ticket...).</param>
/// <param name="Outcomes">The first <see cref="MaxOutcomes"/> outcomes.</param>
/// <param name="OutcomesOmitted">Outcomes left out of <paramref name="Outcomes"/> (all are in the log).</param>
public sealed record InvocationSummary(
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("eventsRead")] int EventsRead,
    [property: JsonPropertyName("intakeError")] string? IntakeError,
    [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts,
    [property: JsonPropertyName("outcomes")] IReadOnlyList<OutcomeSummary> Outcomes,
    [property: JsonPropertyName("outcomesOmitted")] int OutcomesOmitted)
{
    /// <summary>Outcomes listed in full; a batch with more root causes than this is rare.</summary>
    public const int MaxOutcomes = 20;

    /// <summary>Summarises an engine result.</summary>
    public static InvocationSummary From(EngineResult result, string requestId, RemediatorMode mode)
    {
        ArgumentNullException.ThrowIfNull(result);
        var counts = result.Outcomes
            .GroupBy(outcome => outcome.Outcome.ToString(), StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return new InvocationSummary(
            requestId,
            mode.ToString().ToLowerInvariant(),
            result.EventsRead,
            result.IntakeError?.ToString(),
            counts,
            result.Outcomes.Take(MaxOutcomes).Select(OutcomeSummary.From).ToList(),
            Math.Max(0, result.Outcomes.Count - MaxOutcomes));
    }
}
