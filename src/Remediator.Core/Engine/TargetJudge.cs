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
            return new Judgement(missing, target, plans[0], plans, verified);
        }

        (PolicyVerdict verdict, GrantPlan judged) = PolicyVerdict.JudgeAll(policy, plans);
        verified.Add(verdict.Explanation);
        if (verdict.Kind == PolicyVerdictKind.Allows && UnannouncedFix(record, judged) is { } earlier)
        {
            return new Judgement(earlier, target, judged, plans, verified, FixedEarlier: true);
        }

        return new Judgement(verdict.ToDecision(), target, judged, plans, verified) { PolicyRevision = policy?.RevisionId };
    }

    // A fix an earlier attempt made but could not notify (SNS failed after the write): report it as Fixed
    // now, so the person still hears of it.
    private static Decision? UnannouncedFix(LedgerRecord? record, GrantPlan plan) =>
        record?.Outcome is { State: RemediationState.Fixed, LastAction: LedgerActions.AddPermissionUnnotified, Fix: { } fix }
        && string.Equals(fix.StatementId, plan.Grant.StatementId, StringComparison.Ordinal)
            ? new Decision(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, $"an earlier attempt added statement {fix.StatementId}; its notification is sent now")
            : null;
}
