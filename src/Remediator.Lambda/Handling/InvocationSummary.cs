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
    /// <remarks>Plain loops rather than LINQ: this runs on every cold start's first response, where each
    /// LINQ operator's generic iterator types cost a load and a JIT.</remarks>
    public static InvocationSummary From(EngineResult result, string requestId, RemediatorMode mode)
    {
        ArgumentNullException.ThrowIfNull(result);
        IReadOnlyList<EngineOutcome> outcomes = result.Outcomes;
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (EngineOutcome outcome in outcomes)
        {
            string name = outcome.Outcome.ToString();
            tally[name] = tally.TryGetValue(name, out int seen) ? seen + 1 : 1;
        }

        int listed = Math.Min(outcomes.Count, MaxOutcomes);
        var summaries = new List<OutcomeSummary>(listed);
        for (int i = 0; i < listed; i++)
        {
            summaries.Add(OutcomeSummary.From(outcomes[i]));
        }

        return new InvocationSummary(
            requestId,
            mode.ToConfigValue(),
            result.EventsRead,
            result.IntakeError?.ToString(),
            InOrdinalOrder(tally),
            summaries,
            Math.Max(0, outcomes.Count - MaxOutcomes));
    }

    // Counts are listed by name, ordinally (a dictionary enumerates in insertion order).
    private static Dictionary<string, int> InOrdinalOrder(Dictionary<string, int> tally)
    {
        if (tally.Count < 2)
        {
            return tally;
        }

        var names = new List<string>(tally.Keys);
        names.Sort(StringComparer.Ordinal);
        var ordered = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        foreach (string name in names)
        {
            ordered[name] = tally[name];
        }

        return ordered;
    }
}
