using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>
/// Reports how a root cause ended: one outcome per finding, its OpsItem opened, updated or resolved
/// (<see cref="TicketStage"/>), a notification when a person should hear of it (a fix made now always;
/// recommendations and tickets once per interval of the root cause, and once per pass for one target) and the
/// hour's notification cap allows it, and the outcome recorded under the lease. The first finding speaks for
/// the root cause.
/// </summary>
internal sealed class ReportStage(EngineDependencies deps, RemediatorSettings settings, EngineOptions options, PassLeases leases, string? logGroup, bool digest, OwnerLookup owners)
{
    private readonly TicketStage tickets = new(deps, settings, options);

    // Recommendations and tickets this pass published or held back, by what they say (see SameMessageKey).
    private readonly HashSet<string> notifiedThisPass = new(StringComparer.Ordinal);
    private readonly NotificationAllowance allowance = new(deps.Ledger, settings, options);

    /// <summary>The outcomes of the root cause's findings, in member order; throws (after recording the outcome) when publishing fails.</summary>
    public async Task<IReadOnlyList<EngineOutcome>> ReportAsync(WriteResult result, CancellationToken cancellationToken)
    {
        RootCause rootCause = result.Assessment.RootCause;
        EngineOutcome[] outcomes = rootCause.Members.Select((member, i) => OutcomeFactory.Create(member, i, result, options, logGroup)).ToArray();
        Claim? claim = result.Claim;
        TicketResult ticket;
        try
        {
            ticket = await tickets.RunAsync(result, outcomes[0], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Record what was done (a fix stays recorded, marked unnotified) before the invocation fails.
            await CompleteAsync(result, null, notificationFailed: true, claim?.Record.Outcome.OpsItemId, cancellationToken).ConfigureAwait(false);
            throw;
        }

        for (int i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = outcomes[i] with
            {
                OpsItemId = ticket.OpsItemId,
                TicketAction = ticket.Action,
                Detail = ticket.Note is null ? outcomes[i].Detail : $"{outcomes[i].Detail} ({ticket.Note})",
            };
        }

        DateTimeOffset now = deps.Time.GetUtcNow();
        bool notify = claim is not null
            && settings.TopicArn is not null
            && deps.Notifications is not null
            && !(settings.Tickets == TicketMode.None && result.Decision.Outcome == RemediationOutcome.Ticket)
            && LedgerTransitions.ShouldNotify(result.Decision, claim.Record.Outcome, now, options.NotificationInterval);
        string? sameMessage = SameMessageKey(result);

        // Another root cause of this pass that ended on the same target has just told the person the same thing.
        // A sweep's digest tells people about every root cause of the pass at once, so each counts as told.
        bool toldAlready = digest || (notify && sameMessage is not null && notifiedThisPass.Contains(sameMessage));
        bool suppressed = false;
        if (notify && !toldAlready)
        {
            try
            {
                outcomes[0] = outcomes[0] with { Owner = await owners.OwnerAsync(outcomes[0], cancellationToken).ConfigureAwait(false) };
                if (await allowance.TakeAsync(cancellationToken).ConfigureAwait(false))
                {
                    string messageId = await deps.Notifications!.PublishAsync(
                        NotificationFormatter.Format(outcomes[0]).ToSnsMessage(settings.TopicArn!), cancellationToken).ConfigureAwait(false);
                    outcomes[0] = outcomes[0] with { Notified = true, NotificationId = messageId };
                }
                else
                {
                    suppressed = true;
                    outcomes[0] = outcomes[0] with { NotificationSuppressed = true };
                }

                if (sameMessage is not null)
                {
                    notifiedThisPass.Add(sameMessage);
                }
            }
            catch (Exception)
            {
                // Record what was done (a fix stays recorded, marked unnotified) before the invocation fails.
                await CompleteAsync(result, null, notificationFailed: true, ticket.RecordedId, cancellationToken).ConfigureAwait(false);
                throw;
            }
        }

        // A held-back notification told nobody: the record keeps the last time someone was told.
        await CompleteAsync(result, notify && !suppressed ? now : null, notificationFailed: false, ticket.RecordedId, cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>
    /// Publishes the one message that says how many notifications the hour's cap held back, when this pass owes it
    /// (the ledger gives it to exactly one suppressed notification per hour).
    /// </summary>
    public async Task SummarizeAsync(CancellationToken cancellationToken)
    {
        if (allowance.TakeSummary() is { } summary && settings.TopicArn is not null && deps.Notifications is not null)
        {
            await deps.Notifications.PublishAsync(
                NotificationFormatter.FormatSummary(summary).ToSnsMessage(settings.TopicArn), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CompleteAsync(WriteResult result, DateTimeOffset? notifiedAt, bool notificationFailed, string? opsItemId, CancellationToken cancellationToken)
    {
        if (result.Claim is { } claim)
        {
            LedgerOutcome outcome = LedgerTransitions.Completed(claim.Record.Outcome, result.Decision, result, notifiedAt, notificationFailed) with { OpsItemId = opsItemId };
            await leases.CompleteAsync(claim, outcome, cancellationToken).ConfigureAwait(false);
        }
    }

    // What a recommendation or ticket about a resolved target says, whatever led to it (a stage sweep may end on
    // the target another root cause of the pass resolved to); null for fixes (each is always notified) and
    // for outcomes no target was resolved for.
    private static string? SameMessageKey(WriteResult result) =>
        result.Decision.Outcome == RemediationOutcome.Fixed || result.Assessment.Target is not { } target
            ? null
            : string.Join('\n', result.Decision.Outcome, result.Decision.Reason, target.Api.ApiId, target.Stage, target.Kind, target.Describe(), target.Lambda.Function?.Arn);
}
