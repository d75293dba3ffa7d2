using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// Checks, plans and judges one target for the requests that resolved to it: the target checks for every
/// function a log named, one plan per request, then the function's policy, read fresh and once (the same read
/// proves the function exists), which must allow every request.
/// </summary>
internal sealed class TargetJudge(EngineDependencies deps, RemediatorSettings settings, ControlPlaneReader reader)
{
    /// <summary>The judgement of <paramref name="target"/>; <paramref name="record"/> tells whether an earlier pass made this fix unannounced.</summary>
    public async Task<Judgement> JudgeAsync(
        ResolvedTarget target,
        IReadOnlyList<ResolvedTarget> requests,
        IReadOnlyList<string?> loggedFunctions,
        LedgerRecord? record,
        CancellationToken cancellationToken)
    {
        // One log naming another function than the control plane is enough to grant nothing for the target.
        foreach (string? logged in loggedFunctions)
        {
            if (TargetChecks.Check(target, logged) is { } ticket)
            {
                return new Judgement(ticket, target, null, [], []);
            }
        }

        var plans = new List<GrantPlan>(requests.Count);
        foreach (ResolvedTarget request in requests)
        {
            (GrantPlan? plan, Decision? refusal) = GrantPlanner.Plan(request, settings.StageScope);
            if (plan is null)
            {
                return new Judgement(refusal!, target, null, [], []);
            }

            plans.Add(plan);
        }

        var verified = new List<string>();
        LambdaFunctionArn function = plans[0].Function;
        (FunctionPolicy? policy, Decision? missing) = await FunctionChecks.ReadPolicyAsync(
            function,
            ct => deps.Lambda.GetPolicyAsync(function.UnqualifiedArn, function.Qualifier, ct),
            reader,
            verified,
            cancellationToken).ConfigureAwait(false);
        if (missing is not null)
        {
            return new Judgement(missing, target, plans[0], plans, verified) { PolicyJudged = true };
        }

        (PolicyVerdict verdict, GrantPlan judged) = PolicyVerdict.JudgeAll(policy, plans);
        verified.Add(verdict.Explanation);
        if (verdict.Kind == PolicyVerdictKind.Allows && FoundOwnStatement(record, judged, policy) is { } found)
        {
            return new Judgement(found.Decision, target, judged, plans, verified, FixedEarlier: true) { PolicyJudged = true, Applied = found.Applied, NewFix = found.NewFix };
        }

        return new Judgement(verdict.ToDecision(), target, judged, plans, verified) { PolicyRevision = policy?.RevisionId, PolicyJudged = true };
    }

    // The statement an earlier pass of this root cause added but never announced, as its record shows: an intent
    // recorded before AddPermission whose statement is now in the policy (the pass died, or its answer was lost,
    // before it could record the fix), or a recorded fix whose notification is still owed. Either is reported as
    // Fixed now, so the person hears of it once and revert can undo it.
    private static (Decision Decision, AppliedPermission Applied, bool NewFix)? FoundOwnStatement(LedgerRecord? record, GrantPlan plan, FunctionPolicy? policy)
    {
        string sid = plan.Grant.StatementId;
        if (record?.Outcome.Intent is { } intent && string.Equals(intent.StatementId, sid, StringComparison.Ordinal) && OwnStatement.IsIn(policy, plan))
        {
            return (new Decision(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, $"an earlier attempt added statement {sid} allowing {plan.Grant.Principal} to invoke {plan.Function.Arn} from {plan.Grant.SourceArn} and could not record it; it is recorded and announced now"), intent.ToApplied(), true);
        }

        bool owed = string.Equals(record?.Outcome.LastAction, LedgerActions.AddPermissionUnnotified, StringComparison.Ordinal);
        return owed && record!.Outcome.Fix is { } fix && string.Equals(fix.StatementId, sid, StringComparison.Ordinal)
            ? (new Decision(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, $"an earlier attempt added statement {fix.StatementId}; its notification is sent now"), fix, false)
            : null;
    }
}
