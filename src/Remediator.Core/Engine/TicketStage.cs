using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Ports;
using Remediator.Core.Tickets;

namespace Remediator.Core.Engine;

/// <summary>
/// Keeps one OpsItem per root cause (docs/ARCHITECTURE.md, "Tickets"), under the root cause's lease and before the
/// notification that names it: a Ticket or Recommended outcome about a verified target opens one (within the
/// hourly cap of new OpsItems) or updates the open one; a root cause verified healthy resolves it. Transient
/// OpsCenter failures of an open or update fail the pass (Lambda retries, dedup keeps it one OpsItem); a refusal
/// is noted and the notification still goes out.
/// </summary>
internal sealed class TicketStage(EngineDependencies deps, RemediatorSettings settings, EngineOptions options)
{
    private static readonly string[] OpenStatuses = ["Open", "InProgress"];

    /// <summary>The OpsItem work for <paramref name="result"/>, whose first outcome is <paramref name="leader"/>.</summary>
    public async Task<TicketResult> RunAsync(WriteResult result, EngineOutcome leader, CancellationToken cancellationToken)
    {
        if (result.Claim is not { } claim)
        {
            return new TicketResult(null, TicketAction.None);
        }

        string? current = claim.Record.Outcome.OpsItemId;
        if (deps.OpsCenter is not { } opsCenter || settings.Tickets != TicketMode.OpsCenter || settings.Mode == RemediatorMode.Observe)
        {
            return new TicketResult(current, TicketAction.None);
        }

        if (IsVerifiedHealthy(result.Decision))
        {
            return current is null ? new TicketResult(null, TicketAction.None) : await ResolveAsync(opsCenter, current, leader, cancellationToken).ConfigureAwait(false);
        }

        if (!IsDue(result))
        {
            return new TicketResult(current, TicketAction.None);
        }

        try
        {
            return await OpenOrUpdateAsync(opsCenter, current, leader, claim.Record, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (!TransientAwsErrors.IsTransient(e))
        {
            return new TicketResult(current, TicketAction.Refused, $"OpsCenter refused {e.Operation} ({e.ErrorCode}: {e.ServiceMessage})");
        }
    }

    // Healthy is what the control plane showed: the policy allows the call now, or this pass added the permission.
    // A function's own errors never end this way, so their OpsItems stay open for people to close.
    private static bool IsVerifiedHealthy(Decision decision) =>
        decision.Outcome == RemediationOutcome.Fixed
        || decision is { Outcome: RemediationOutcome.AlreadyAllowed, Reason: OutcomeReason.PolicyAllows or OutcomeReason.AddedConcurrently };

    // Only what the control plane confirmed becomes an OpsItem: a target was resolved (an unknown API, a forged or
    // stale line never gets this far, and an unresolved failure stays a notification).
    private static bool IsDue(WriteResult result) =>
        result.Decision.Outcome is RemediationOutcome.Ticket or RemediationOutcome.Recommended
        && (result.Assessment.Target ?? result.Assessment.RootCause.Leader.Target) is not null;

    private async Task<TicketResult> OpenOrUpdateAsync(IOpsCenterClient opsCenter, string? current, EngineOutcome leader, LedgerRecord record, CancellationToken cancellationToken)
    {
        string? status = current is null ? null : await opsCenter.GetStatusAsync(current, cancellationToken).ConfigureAwait(false);
        if (current is not null && status is not null && OpenStatuses.Contains(status, StringComparer.Ordinal))
        {
            await opsCenter.UpdateAsync(TicketContent.Update(current, leader, record), cancellationToken).ConfigureAwait(false);
            return new TicketResult(current, TicketAction.Updated);
        }

        // None yet, or a person resolved (or deleted) the last one and the root cause is back: a new one is due.
        HourlyBudget budget = await deps.Ledger.TryConsumeAsync(HourlyCap.NewTickets, options.MaxNewTicketsPerHour, cancellationToken).ConfigureAwait(false);
        if (!budget.Allowed)
        {
            return new TicketResult(null, TicketAction.CapReached, $"no OpsItem: {budget.CountThisHour} were opened in the hour from {budget.HourStart:yyyy-MM-dd HH:mm} UTC, the cap of {budget.Limit}");
        }

        OpsItemCreated created = await opsCenter.CreateAsync(TicketContent.Draft(leader, record), cancellationToken).ConfigureAwait(false);
        if (!created.AlreadyExisted)
        {
            return new TicketResult(created.OpsItemId, TicketAction.Opened);
        }

        // The ledger did not know it (a lost record, another ledger): OpsCenter's dedup names the open one, or it is found by its key.
        string? existing = created.OpsItemId
            ?? (await opsCenter.FindOpenAsync(OpsItemFields.Source, OpsItemFields.RootCauseKey, record.Key, 1, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.OpsItemId;
        if (existing is null)
        {
            return new TicketResult(null, TicketAction.Refused, "OpsCenter reports an open OpsItem for this root cause and names none");
        }

        await opsCenter.UpdateAsync(TicketContent.Update(existing, leader, record), cancellationToken).ConfigureAwait(false);
        return new TicketResult(existing, TicketAction.Updated);
    }

    private async Task<TicketResult> ResolveAsync(IOpsCenterClient opsCenter, string opsItemId, EngineOutcome leader, CancellationToken cancellationToken)
    {
        try
        {
            // The root cause is healthy whatever happens to the invocation now: the resolution outlives its
            // cancellation by the cleanup grace, but never the deadline.
            using var cleanup = new CleanupDeadline(cancellationToken, options.CleanupGrace, deps.Time);
            await opsCenter.ResolveAsync(opsItemId, TicketContent.Resolution(leader, deps.Time.GetUtcNow()), cleanup.Token).ConfigureAwait(false);
            return new TicketResult(opsItemId, TicketAction.Resolved);
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.OpsItemNotFound))
        {
            return new TicketResult(null, TicketAction.None, $"OpsItem {opsItemId} no longer exists");
        }
        catch (AwsServiceException e)
        {
            // It stays recorded, and the next pass that finds the root cause healthy resolves it.
            return new TicketResult(opsItemId, TicketAction.Refused, $"OpsItem {opsItemId} stays open: OpsCenter refused UpdateOpsItem ({e.ErrorCode}: {e.ServiceMessage})");
        }
    }
}
