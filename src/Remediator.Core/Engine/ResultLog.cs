using Remediator.Core.Configuration;
using Remediator.Core.Observability;

namespace Remediator.Core.Engine;

/// <summary>Writes what one engine result produced: a summary line, one structured line per outcome, and the metric documents.</summary>
internal sealed class ResultLog(ILogSink? sink, TimeProvider time, RemediatorMode mode)
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
            outcome.Outcome,
            outcome.Reason,
            outcome.Kind?.ToString(),
            outcome.ApiId,
            outcome.Stage,
            outcome.Qualifier is null ? outcome.FunctionArn : $"{outcome.FunctionArn}:{outcome.Qualifier}",
            outcome.StatementId,
            duration,
            $"{outcome.Outcome} ({outcome.Reason}): {outcome.Detail}"
                + (outcome.Trigger is null ? string.Empty : $" [after {outcome.Trigger}]")
                + (outcome.NotificationSuppressed ? " (notification suppressed: REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR reached this hour)" : string.Empty),
            outcome.NotificationSuppressed,
            outcome.OpsItemId)).ToList();
        // The summary goes first so the per-outcome lines and metric documents end the invocation's log.
        sink.WriteLine(StructuredLogFormatter.Format(new RuntimeLogEntry(
            now,
            LogLevel.Info,
            invocationId,
            $"Processed {result.EventsRead} event(s): {result.Dispositions.Evidence} evidence, {result.Dispositions.Context} context, "
            + $"{result.Dispositions.Unrelated} unrelated, {result.Dispositions.Control} control, {result.Dispositions.Undecodable} undecodable; "
            + $"{result.Outcomes.Count} outcome(s).")));
        new OutcomeLogWriter(sink).Write(entries, mode, now, invocationId);
    }
}
