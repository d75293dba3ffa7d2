using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Audit;

/// <summary>Judges one target as a fix would: the engine's checks in the engine's order, then the policy read for its exact qualifier.</summary>
internal sealed class TargetAuditor(ControlPlaneReader reader, AuditedPolicies policies, StageScope stageScope)
{
    /// <summary>The audit entry of <paramref name="target"/>; reads only.</summary>
    public async Task<AuditEntry> JudgeAsync(ResolvedTarget target, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry
        {
            ApiId = target.Api.ApiId,
            ApiType = target.ApiType,
            Stage = target.Stage,
            Kind = target.Kind,
            Target = target.Describe(),
            FunctionArn = target.Lambda.Function?.Arn,
            Status = AuditStatus.Unresolved,
            Detail = string.Empty,
            Resolved = target,
        };
        if (TargetChecks.Check(target, loggedFunctionArn: null) is { } ruledOut)
        {
            return Judged(entry, ruledOut);
        }

        (GrantPlan? plan, Decision? refusal) = GrantPlanner.Plan(target, stageScope);
        if (plan is null)
        {
            return Judged(entry, refusal!);
        }

        entry = entry with { SourceArn = plan.RequestSourceArn };
        (FunctionPolicy? policy, Decision? missing) = await FunctionChecks.ReadPolicyAsync(
            plan.Function, ct => policies.GetAsync(plan.Function, ct), reader, [], cancellationToken).ConfigureAwait(false);
        if (missing is not null)
        {
            return Judged(entry, missing);
        }

        PolicyVerdict verdict = PolicyVerdict.Judge(policy, plan);
        AuditStatus status = AuditClassifier.Classify(verdict.ToDecision());
        FindingKind kind = target.Kind == TargetKind.Authorizer ? FindingKind.AuthorizerInvokePermission : FindingKind.MissingInvokePermission;
        return entry with
        {
            Status = status,
            Detail = verdict.Explanation,
            Grant = status == AuditStatus.Missing ? plan.Grant : null,
            RootCauseKey = status == AuditStatus.Allowed ? RootCauseKey.ForTarget(kind, target, stageScope) : null,
        };
    }

    private static AuditEntry Judged(AuditEntry entry, Decision decision) =>
        entry with { Status = AuditClassifier.Classify(decision), Detail = decision.Detail };
}
