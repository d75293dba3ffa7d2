using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Revert;
using Remediator.Core.Verification;

namespace Remediator.Core.Audit;

public sealed partial class Auditor
{
    /// <summary>One target: the engine's checks in the engine's order, then the policy read for its exact qualifier.</summary>
    private async Task<AuditEntry> JudgeAsync(Run run, ResolvedTarget target, CancellationToken cancellationToken)
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
        };
        if (TargetChecks.Check(target, loggedFunctionArn: null) is { } ruledOut)
        {
            return Judged(entry, ruledOut);
        }

        (GrantPlan? plan, Decision? refusal) = GrantPlanner.Plan(target, run.Request.StageScope);
        if (plan is null)
        {
            return Judged(entry, refusal!);
        }

        entry = entry with { SourceArn = plan.RequestSourceArn };
        if (await FunctionChecks.CheckAsync(plan.Function, run.Reader, [], cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return Judged(entry, missing);
        }

        FunctionPolicy? policy = await PolicyAsync(run, plan.Function, cancellationToken).ConfigureAwait(false);
        PolicyVerdict verdict = PolicyVerdict.Judge(policy, plan);
        AuditStatus status = AuditClassifier.Classify(verdict.ToDecision());
        return entry with
        {
            Status = status,
            Detail = verdict.Explanation,
            Grant = status == AuditStatus.Missing ? plan.Grant : null,
        };
    }

    private static AuditEntry Judged(AuditEntry entry, Decision decision) =>
        entry with { Status = AuditClassifier.Classify(decision), Detail = decision.Detail };

    /// <summary>Each policy is read once per audit: many methods share a function.</summary>
    private async Task<FunctionPolicy?> PolicyAsync(Run run, LambdaFunctionArn function, CancellationToken cancellationToken)
    {
        if (!run.Policies.TryGetValue(function, out FunctionPolicy? policy))
        {
            policy = await lambda.GetPolicyAsync(function.UnqualifiedArn, function.Qualifier, cancellationToken).ConfigureAwait(false);
            run.Policies[function] = policy;
        }

        return policy;
    }

    private static IEnumerable<RemediatorStatement> OwnStatements(LambdaFunctionArn function, FunctionPolicy? policy)
    {
        if (policy is null || PolicyParser.Parse(policy.PolicyJson).Document is not { } document)
        {
            yield break;
        }

        foreach (PolicyStatement statement in document.Statements.Where(s => StatementIdFactory.IsRemediatorStatementId(s.Sid)))
        {
            yield return new RemediatorStatement(
                function.UnqualifiedArn, function.Qualifier, statement.Sid!, StatementShape.SourceArnOf(statement), StatementShape.Refusal(statement, function));
        }
    }

    /// <summary>One audit's state: memoised reads and what was found so far.</summary>
    private sealed class Run(ControlPlaneReader reader, AuditRequest request)
    {
        public ControlPlaneReader Reader { get; } = reader;

        public AuditRequest Request { get; } = request;

        public List<AuditEntry> Entries { get; } = [];

        public List<string> Notes { get; } = [];

        public Dictionary<LambdaFunctionArn, FunctionPolicy?> Policies { get; } = [];
    }
}
