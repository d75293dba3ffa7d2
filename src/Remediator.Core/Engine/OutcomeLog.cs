using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Observability;

namespace Remediator.Core.Engine;

/// <summary>Writes one structured log line per outcome and the invocation's metric documents.</summary>
internal sealed class OutcomeLog(ILogSink? sink, TimeProvider time, RemediatorMode mode)
{
    public void Write(EngineResult result, string? invocationId, TimeSpan? duration = null)
    {
        if (sink is null)
        {
            return;
        }

        DateTimeOffset now = time.GetUtcNow();
        var entries = result.Outcomes.Select(outcome => new OutcomeLogEntry(
            now,
            invocationId,
            ToLogOutcome(outcome),
            outcome.Kind?.ToString(),
            outcome.ApiId,
            outcome.Stage,
            outcome.Qualifier is null ? outcome.FunctionArn : $"{outcome.FunctionArn}:{outcome.Qualifier}",
            outcome.StatementId,
            duration,
            $"{outcome.Outcome} ({outcome.Reason}): {outcome.Detail}")).ToList();
        // The summary goes first so the per-outcome lines and metric documents end the invocation's log.
        sink.WriteLine(StructuredLogFormatter.Format(new RuntimeLogEntry(
            now,
            LogLevel.Info,
            invocationId,
            $"Processed {result.EventsRead} event(s): {result.Dispositions.Evidence} evidence, {result.Dispositions.Context} context, "
            + $"{result.Dispositions.Unrelated} unrelated, {result.Dispositions.Control} control; {result.Outcomes.Count} outcome(s).")));
        new OutcomeLogWriter(sink).Write(entries, mode, now, invocationId);
    }

    /// <summary>The observability outcome (metric and log spelling) of an engine outcome.</summary>
    internal static Outcome ToLogOutcome(EngineOutcome outcome) => (outcome.Outcome, outcome.Reason) switch
    {
        (RemediationOutcome.Fixed, _) => Outcome.Fixed,
        (RemediationOutcome.AlreadyAllowed, _) => Outcome.AlreadyAllowed,
        (RemediationOutcome.Recommended, _) => Outcome.Recommended,
        (RemediationOutcome.Observed, _) => Outcome.Observed,
        (RemediationOutcome.Ticket, OutcomeReason.BreakerOpen) => Outcome.BreakerOpen,
        (RemediationOutcome.Ticket, OutcomeReason.Exempted) => Outcome.Exempt,
        (RemediationOutcome.Ticket, OutcomeReason.UnrecognizedFailure) => Outcome.Notified,
        (RemediationOutcome.Ticket, _) => Outcome.Ticket,
        (RemediationOutcome.Ignored, OutcomeReason.InvalidPayload) => Outcome.Error,
        _ => Outcome.Ignored,
    };
}
