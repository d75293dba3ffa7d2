using Remediator.Core.Decisions;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

internal sealed partial class InvocationPass
{
    /// <summary>
    /// Applies the mode, notifies when a person should hear of it (a fix made now always; recommendations
    /// and tickets once per interval), and records the outcome under the lease.
    /// </summary>
    private async Task<EngineOutcome> FinishAsync(FindingWork work, CancellationToken cancellationToken)
    {
        Decision decision = ModeRules.Apply(settings.Mode, work.Decision!);
        EngineOutcome outcome = OutcomeFactory.Create(work, decision, options, batch.LogGroup);
        DateTimeOffset now = deps.Time.GetUtcNow();
        bool notify = work.Lease is not null
            && settings.TopicArn is not null
            && deps.Notifications is not null
            && LedgerOutcomes.ShouldNotify(decision, work.Record?.Outcome, now, options.NotificationInterval);
        if (notify)
        {
            try
            {
                string messageId = await deps.Notifications!.PublishAsync(
                    NotificationFormatter.Format(outcome).ToSnsMessage(settings.TopicArn!), cancellationToken).ConfigureAwait(false);
                outcome = outcome with { Notified = true, NotificationId = messageId };
            }
            catch (Exception)
            {
                // Record what was done (a fix stays recorded, marked unnotified) before the invocation fails.
                await CompleteAsync(work, decision, null, notificationFailed: true).ConfigureAwait(false);
                throw;
            }
        }

        await CompleteAsync(work, decision, outcome.Notified ? now : null, notificationFailed: false).ConfigureAwait(false);
        return outcome;
    }

    private async Task CompleteAsync(FindingWork work, Decision decision, DateTimeOffset? notifiedAt, bool notificationFailed)
    {
        work.Finished = true;
        if (work.Lease is null || work.Record is null)
        {
            return;
        }

        LedgerOutcome completed = LedgerOutcomes.Completed(work.Record.Outcome, decision, work, notifiedAt, notificationFailed);

        // The outcome must be recorded even when the invocation is being cancelled: it already happened.
        await deps.Ledger.TryCompleteAsync(work.Lease, completed, CancellationToken.None).ConfigureAwait(false);
    }
}
