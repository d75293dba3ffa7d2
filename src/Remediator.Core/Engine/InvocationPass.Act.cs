using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

internal sealed partial class InvocationPass
{
    /// <summary>
    /// Re-reads the policy (after the settle delay), and when it still lacks the grant for any request of the
    /// root cause, takes a fix from
    /// the caps and calls AddPermission with the RevisionId just read. 412 (the policy changed) and 409
    /// (our statement id appeared) mean "read again and decide again"; a re-read that then finds the call
    /// allowed ends as AlreadyAllowed(AddedConcurrently): another pass did the work and notifies about it.
    /// </summary>
    private async Task ActAsync(RootCauseWork work, CancellationToken cancellationToken)
    {
        GrantPlan plan = work.Plan!;
        LambdaFunctionArn function = plan.Function;

        // The lease may have run out while the pass waited: writing without it would race another
        // invocation and leave the fix unrecorded. Take it back, or leave the root cause to its new holder.
        if (deps.Time.GetUtcNow() >= work.Lease!.ExpiresAt)
        {
            ClaimResult renewed = await deps.Ledger.ClaimAsync(
                new ClaimRequest(work.Key!, owner, options.LeaseDuration), cancellationToken).ConfigureAwait(false);
            if (!renewed.Claimed)
            {
                work.Lease = null;
                work.Decision = Decision.Ignored(OutcomeReason.ClaimedElsewhere, $"invocation {renewed.Record.Lease?.Owner} took this root cause over while this pass waited, and reports on it");
                return;
            }

            work.Lease = renewed.Lease;
            work.Record = renewed.Record;
        }

        bool budgetTaken = false;
        bool raced = false;
        AwsServiceException? lastConflict = null;
        for (int attempt = 0; attempt < options.MaxWriteAttempts; attempt++)
        {
            FunctionPolicy? policy = await deps.Lambda.GetPolicyAsync(function.UnqualifiedArn, function.Qualifier, cancellationToken).ConfigureAwait(false);
            (PolicyVerdict verdict, GrantPlan judged) = PolicyVerdict.JudgeAll(policy, work.Plans);
            work.Plan = judged;
            if (verdict.Kind != PolicyVerdictKind.Missing)
            {
                work.Verified.Add($"Re-checked before writing: {verdict.Explanation}");
                work.Decision = verdict.ToDecision(concurrent: raced);
                return;
            }

            if (!budgetTaken)
            {
                if (await TakeFixAsync(cancellationToken).ConfigureAwait(false) is { } breaker)
                {
                    work.Decision = breaker;
                    return;
                }

                budgetTaken = true;
            }

            try
            {
                work.TriedWrite = true;
                string stored = await deps.Lambda.AddPermissionAsync(
                    new AddPermissionRequest(
                        plan.Grant.FunctionArn,
                        plan.Grant.StatementId,
                        plan.Grant.Action,
                        plan.Grant.Principal,
                        plan.Grant.SourceArn,
                        plan.Grant.SourceAccount,
                        plan.Grant.Qualifier,
                        verdict.RevisionId),
                    cancellationToken).ConfigureAwait(false);
                work.Wrote = true;
                work.StoredStatement = stored;
                work.Decision = new Decision(
                    RemediationOutcome.Fixed,
                    OutcomeReason.PermissionMissing,
                    $"added statement {plan.Grant.StatementId} allowing {plan.Grant.Principal} to invoke {function.Arn} from {plan.Grant.SourceArn}");
                return;
            }
            catch (AwsServiceException e) when (e.Is(AwsErrorCodes.PreconditionFailed) || e.Is(AwsErrorCodes.ResourceConflict))
            {
                work.Verified.Add(e.Is(AwsErrorCodes.PreconditionFailed)
                    ? "The policy changed between the read and the write (412): read again."
                    : $"Statement {plan.Grant.StatementId} appeared between the read and the write (409): read again.");
                raced = true;
                lastConflict = e;
            }
            catch (AwsServiceException e) when (e.Is(AwsErrorCodes.PolicyLengthExceeded))
            {
                work.Decision = Decision.Ticket(
                    OutcomeReason.PolicyTooLarge,
                    $"Lambda refused the statement: the policy of {function.Arn} would exceed its 20 KB limit ({e.ServiceMessage}); remove unused statements or consolidate them, Remediator never widens existing ones");
                return;
            }
        }

        // The policy keeps changing under us: fail this pass; the retry (or the next batch) decides afresh.
        throw lastConflict!;
    }

    /// <summary>The per-invocation cap, then the ledger's hourly breaker; null when a fix may go ahead.</summary>
    private async Task<Decision?> TakeFixAsync(CancellationToken cancellationToken)
    {
        if (fixesThisInvocation >= settings.MaxFixesPerInvocation)
        {
            return Decision.Ticket(OutcomeReason.BreakerOpen, $"this invocation already made {fixesThisInvocation} fixes, its cap (REMEDIATOR_MAX_FIXES_PER_INVOCATION); apply this one by hand or let a later batch retry");
        }

        FixBudget budget = await deps.Ledger.TryConsumeFixAsync(settings.MaxFixesPerHour, cancellationToken).ConfigureAwait(false);
        if (!budget.Allowed)
        {
            return Decision.Ticket(OutcomeReason.BreakerOpen, $"{budget.FixesThisHour} fixes were made in the hour from {budget.HourStart:yyyy-MM-dd HH:mm} UTC, the cap (REMEDIATOR_MAX_FIXES_PER_HOUR is {budget.Limit}); the breaker is open");
        }

        fixesThisInvocation++;
        return null;
    }
}
