using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>
/// Adds a permission an assessment found missing: takes a fix from the caps and calls AddPermission conditional on
/// the RevisionId the assessment read (re-reading first only after a settle delay on a function that had no
/// policy), after recording its intent under the lease. 412 (the policy changed) and 409 (our statement appeared)
/// mean "read again and decide again"; a re-read that finds this pass's own statement ends Fixed (the HTTP layer's
/// retry of an AddPermission whose answer was lost), one that finds the call allowed otherwise AlreadyAllowed(AddedConcurrently).
/// </summary>
internal sealed class WriteStage(EngineDependencies deps, EngineOptions options, PassLeases leases, FixAllowance allowance)
{
    /// <summary>
    /// The result of writing <paramref name="assessment"/>'s grant, <paramref name="waited"/> telling whether the pass
    /// waited out the settle delay since the assessment read the policy; throws when the policy keeps changing or AWS
    /// fails transiently.
    /// </summary>
    public async Task<WriteResult> WriteAsync(Assessment assessment, bool waited, CancellationToken cancellationToken)
    {
        GrantPlan plan = assessment.Plan!;
        Claim claim = assessment.Claim!;

        // The lease may have run out while the pass waited: writing without it would race another
        // invocation and leave the fix unrecorded. Take it back, or leave the root cause to its new holder.
        if (deps.Time.GetUtcNow() >= claim.Lease.ExpiresAt)
        {
            (Claim? renewed, string? holder) = await leases.RenewAsync(claim, cancellationToken).ConfigureAwait(false);
            if (renewed is null)
            {
                Decision lost = Decision.Ignored(OutcomeReason.ClaimedElsewhere, $"invocation {holder} took this root cause over while this pass waited, and reports on it");
                return WriteResult.NotDue(assessment, lost) with { Claim = null };
            }

            claim = renewed;
        }

        var verified = new List<string>();
        bool budgetTaken = false;
        bool raced = false;
        bool tried = false;
        bool intended = false;
        AwsServiceException? lastConflict = null;
        GrantPlan judged = plan;
        string? revision = assessment.PolicyRevision;

        // The assessment's read is still the one to write against, conditional on its RevisionId (412 when anything
        // changed since), unless the pass waited out the settle delay on a function that had no policy: with no
        // revision to condition on, only a fresh read sees a statement someone added meanwhile.
        bool read = waited && revision is null;
        for (int attempt = 0; attempt < options.MaxWriteAttempts; attempt++, read = true)
        {
            if (read)
            {
                FunctionPolicy? policy = await deps.Lambda.GetPolicyAsync(plan.Function.UnqualifiedArn, plan.Function.Qualifier, cancellationToken).ConfigureAwait(false);
                (PolicyVerdict verdict, judged) = PolicyVerdict.JudgeAll(policy, assessment.Plans);
                if (verdict.Kind == PolicyVerdictKind.Allows && intended && OwnStatement.IsIn(policy, plan))
                {
                    // Our statement, added under our lease after our intent was recorded: an AddPermission whose
                    // answer was lost and whose retry met 409 or 412. It is this pass's fix.
                    verified.Add($"Re-checked after the conflict: statement {plan.Grant.StatementId} is in the policy; the AddPermission that added it was this pass's (its answer was lost).");
                    return Fixed() with { PolicyJudged = true };
                }

                if (verdict.Kind != PolicyVerdictKind.Missing)
                {
                    verified.Add($"Re-checked before writing: {verdict.Explanation}");
                    return Written() with { Decision = verdict.ToDecision(concurrent: raced), PolicyJudged = true };
                }

                revision = verdict.RevisionId;
            }

            if (!budgetTaken)
            {
                if (await allowance.TakeAsync(cancellationToken).ConfigureAwait(false) is { } breaker)
                {
                    return Written() with { Decision = breaker };
                }

                budgetTaken = true;
            }

            if (!intended)
            {
                // The intent goes first, under the lease: whatever happens to AddPermission's answer, a later pass
                // that finds this statement knows it is Remediator's (docs/ARCHITECTURE.md, "Safety rules" 11).
                if (await leases.RecordIntentAsync(claim, OwnStatement.IntentOf(plan), cancellationToken).ConfigureAwait(false) is not { } recorded)
                {
                    Decision lost = Decision.Ignored(OutcomeReason.ClaimedElsewhere, "this pass's lease ran out before it could record its intent; the invocation that holds the root cause now reports on it");
                    return WriteResult.NotDue(assessment, lost) with { Claim = null };
                }

                claim = recorded;
                intended = true;
            }

            try
            {
                tried = true;
                leases.NoteWriteAttempt(claim);
                string stored = await deps.Lambda.AddPermissionAsync(ToRequest(plan.Grant, revision), cancellationToken).ConfigureAwait(false);
                return Fixed() with { StoredStatement = stored };
            }
            catch (AwsServiceException e) when (e.Is(AwsErrorCodes.PreconditionFailed) || e.Is(AwsErrorCodes.ResourceConflict))
            {
                verified.Add(e.Is(AwsErrorCodes.PreconditionFailed)
                    ? "The policy changed between the read and the write (412): read again."
                    : $"Statement {plan.Grant.StatementId} appeared between the read and the write (409): read again.");
                raced = true;
                lastConflict = e;
            }
            catch (AwsServiceException e) when (e.Is(AwsErrorCodes.AccessDenied) || e.StatusCode == 403)
            {
                // No retry cures it, and it is no failure of the fix itself: a ticket at once, not an escalation.
                Decision denied = Decision.Ticket(
                    OutcomeReason.WriteDenied,
                    $"Lambda refused Remediator's AddPermission on {plan.Function.Arn} ({e.ErrorCode}: {e.ServiceMessage}); a service control policy, permissions boundary or control forbids it: apply the grant by hand or allow it");
                return Written() with { TriedWrite = true, Decision = denied };
            }
            catch (AwsServiceException e) when (e.Is(AwsErrorCodes.PolicyLengthExceeded))
            {
                Decision tooLarge = Decision.Ticket(
                    OutcomeReason.PolicyTooLarge,
                    $"Lambda refused the statement: the policy of {plan.Function.Arn} would exceed its 20 KB limit ({e.ServiceMessage}); remove unused statements or consolidate them, Remediator never widens existing ones");
                return Written() with { TriedWrite = true, Decision = tooLarge };
            }
        }

        // The policy keeps changing under us: fail this pass; the retry (or the next batch) decides afresh.
        throw lastConflict!;

        WriteResult Written() => new() { Assessment = assessment, Decision = assessment.Decision, Claim = claim, Plan = judged, Verified = verified, TriedWrite = tried, PolicyJudged = assessment.PolicyJudged };

        WriteResult Fixed() => Written() with
        {
            TriedWrite = true,
            NewFix = true,
            PolicyJudged = true,
            Applied = OwnStatement.IntentOf(plan).ToApplied(),
            Decision = new Decision(
                RemediationOutcome.Fixed,
                OutcomeReason.PermissionMissing,
                $"added statement {plan.Grant.StatementId} allowing {plan.Grant.Principal} to invoke {plan.Function.Arn} from {plan.Grant.SourceArn}"),
        };
    }

    private static AddPermissionRequest ToRequest(PermissionGrant grant, string? revisionId) => new(
        grant.FunctionArn, grant.StatementId, grant.Action, grant.Principal, grant.SourceArn, grant.SourceAccount, grant.Qualifier, revisionId);
}
