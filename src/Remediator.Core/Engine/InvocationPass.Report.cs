using Remediator.Core.Decisions;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

internal sealed partial class InvocationPass
{
    /// <summary>
    /// Applies the mode, notifies when a person should hear of it (a fix made now always; recommendations
    /// and tickets once per interval of the root cause, and once per pass for one target), records the
    /// outcome under the lease, and gives every finding of the root cause its outcome. The first finding
    /// speaks for the root cause in the notification.
    /// </summary>
    private async Task FinishAsync(RootCauseWork work, EngineOutcome[] outcomes, CancellationToken cancellationToken)
    {
        Decision decision = ModeRules.Apply(settings.Mode, work.Decision!);
        foreach (FindingWork member in work.Members.Skip(1))
        {
            outcomes[member.Index] = OutcomeFactory.Create(member, work, decision, options, batch.LogGroup);
        }

        EngineOutcome outcome = OutcomeFactory.Create(work.Leader, work, decision, options, batch.LogGroup);
        outcomes[work.Leader.Index] = outcome;
        DateTimeOffset now = deps.Time.GetUtcNow();
        bool notify = work.Lease is not null
            && settings.TopicArn is not null
            && deps.Notifications is not null
            && LedgerOutcomes.ShouldNotify(decision, work.Record?.Outcome, now, options.NotificationInterval);
        string? key = NotificationKey(work, decision);
        if (notify && key is not null && notifiedThisPass.Contains(key))
        {
            // Another root cause of this pass ended on the same target: the person was just told the same thing.
            await CompleteAsync(work, decision, now, notificationFailed: false).ConfigureAwait(false);
            return;
        }

        if (notify)
        {
            try
            {
                string messageId = await deps.Notifications!.PublishAsync(
                    NotificationFormatter.Format(outcome).ToSnsMessage(settings.TopicArn!), cancellationToken).ConfigureAwait(false);
                outcomes[work.Leader.Index] = outcome with { Notified = true, NotificationId = messageId };
                if (key is not null)
                {
                    notifiedThisPass.Add(key);
                }
            }
            catch (Exception)
            {
                // Record what was done (a fix stays recorded, marked unnotified) before the invocation fails.
                await CompleteAsync(work, decision, null, notificationFailed: true).ConfigureAwait(false);
                throw;
            }
        }

        await CompleteAsync(work, decision, outcomes[work.Leader.Index].Notified ? now : null, notificationFailed: false).ConfigureAwait(false);
    }

    /// <summary>
    /// What a recommendation or ticket about a resolved target says, whatever led to it (a stage sweep may
    /// end on the target another root cause of the pass resolved to); null for fixes (each is always
    /// notified) and for outcomes no target was resolved for.
    /// </summary>
    private static string? NotificationKey(RootCauseWork work, Decision decision) =>
        decision.Outcome == RemediationOutcome.Fixed || work.Target is not { } target
            ? null
            : string.Join('\n', decision.Outcome, decision.Reason, target.Api.ApiId, target.Stage, target.Kind, target.Describe(), target.Function.Function?.Arn);

    private async Task CompleteAsync(RootCauseWork work, Decision decision, DateTimeOffset? notifiedAt, bool notificationFailed)
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
