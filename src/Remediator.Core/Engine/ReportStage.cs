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
internal sealed class ReportStage(
    EngineDependencies deps, RemediatorSettings settings, EngineOptions options, PassLeases leases, string? logGroup, bool digest, OwnerLookup owners, AccountAliasLookup aliases)
{
    private readonly TicketStage tickets = new(deps, settings, options);

    // Recommendations and tickets this pass published or held back, by what they say (see SameMessageKey).
    private readonly HashSet<string> notifiedThisPass = new(StringComparer.Ordinal);
    private readonly NotificationAllowance allowance = new(deps.Ledger, settings, options);
    private readonly NotificationSender? sender = deps.Notifications is null ? null : new NotificationSender(deps.Notifications);

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
            // Record what was done (a fix stays recorded, its notification owed) before the invocation fails.
            SnsMessage? owedFix = result.Decision.Outcome == RemediationOutcome.Fixed && settings.TopicArn is { } topic && deps.Notifications is not null
                ? NotificationFormatter.Format(outcomes[0] with { AccountAlias = await aliases.AliasAsync(cancellationToken).ConfigureAwait(false) })
                    .ToSnsMessage(topic, KeyOf(outcomes[0], claim))
                : claim?.Record.Outcome.OwedNotification;
            await CompleteAsync(result, null, owedFix, claim?.Record.Outcome.OpsItemId, cancellationToken).ConfigureAwait(false);
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

        // The owner attribute routes a new message (a function tag, read through the pass's memoised reader); the
        // account's alias names where it happened (read once per process).
        if (notify && !toldAlready)
        {
            outcomes[0] = outcomes[0] with
            {
                Owner = await owners.OwnerAsync(outcomes[0], cancellationToken).ConfigureAwait(false),
                AccountAlias = await aliases.AliasAsync(cancellationToken).ConfigureAwait(false),
            };
        }

        // What an earlier pass could not deliver is sent by this one, unless this one tells the person anew.
        SnsMessage? owed = claim?.Record.Outcome.OwedNotification;
        SnsMessage? message = notify && !toldAlready
            ? NotificationFormatter.Format(outcomes[0]).ToSnsMessage(settings.TopicArn!, KeyOf(outcomes[0], claim))
            : owed is not null && deps.Notifications is not null ? owed : null;
        DateTimeOffset? notifiedAt = notify && toldAlready ? now : null;
        if (message is not null)
        {
            if (await allowance.TakeAsync(cancellationToken).ConfigureAwait(false))
            {
                NotificationSender.Sent sent = await sender!.SendAsync(message, cancellationToken).ConfigureAwait(false);
                if (sent.Refusal is { } refusal)
                {
                    // Not delivered: the ledger owes it, the next pass (or the end-of-invocation sweep) sends it.
                    await CompleteAsync(result, null, message, ticket.RecordedId, cancellationToken).ConfigureAwait(false);
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(refusal);
                }

                notifiedAt = now;
                owed = null;
                outcomes[0] = outcomes[0] with
                {
                    Notified = true,
                    NotificationId = sent.MessageId,
                    Detail = sent.Unanswered ? $"{outcomes[0].Detail} (SNS did not answer the Publish; it counts as sent and is not repeated)" : outcomes[0].Detail,
                };
            }
            else if (notify)
            {
                // A held-back notification told nobody: the record keeps the last time someone was told.
                outcomes[0] = outcomes[0] with { NotificationSuppressed = true };
            }

            if (notify && sameMessage is not null)
            {
                notifiedThisPass.Add(sameMessage);
            }
        }

        await CompleteAsync(result, notifiedAt, owed, ticket.RecordedId, cancellationToken).ConfigureAwait(false);
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
            summary = summary with { AccountAlias = await aliases.AliasAsync(cancellationToken).ConfigureAwait(false) };
            await deps.Notifications.PublishAsync(
                NotificationFormatter.FormatSummary(summary).ToSnsMessage(
                    settings.TopicArn, NotificationKey.ForSummary(summary.AccountId, summary.Region, summary.HourStart)),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CompleteAsync(WriteResult result, DateTimeOffset? notifiedAt, SnsMessage? owed, string? opsItemId, CancellationToken cancellationToken)
    {
        if (result.Claim is { } claim)
        {
            LedgerOutcome outcome = LedgerTransitions.Completed(claim.Record.Outcome, result.Decision, result, notifiedAt, owed) with { OpsItemId = opsItemId };
            await leases.CompleteAsync(claim, outcome, cancellationToken).ConfigureAwait(false);
        }
    }

    // A fix is the same announcement whatever the pass that finds it made says of it (a retry may recover it from the
    // intent); any other outcome is told again only for a new reason or once the record says it was told.
    private static NotificationKey KeyOf(EngineOutcome outcome, Claim? claim) => NotificationKey.ForOutcome(
        claim?.Record.Key ?? outcome.LedgerKey ?? string.Empty,
        outcome.Outcome.ToString(),
        outcome.Outcome == RemediationOutcome.Fixed ? string.Empty : outcome.Reason.ToString(),
        outcome.StatementId,
        claim?.Record.Outcome.LastNotifiedAt);

    // What a recommendation or ticket about a resolved target says, whatever led to it (a stage sweep may end on
    // the target another root cause of the pass resolved to); null for fixes (each is always notified) and
    // for outcomes no target was resolved for.
    private static string? SameMessageKey(WriteResult result) =>
        result.Decision.Outcome == RemediationOutcome.Fixed || result.Assessment.Target is not { } target
            ? null
            : string.Join('\n', result.Decision.Outcome, result.Decision.Reason, target.Api.ApiId, target.Stage, target.Kind, target.Describe(), target.Lambda.Function?.Arn);
}
