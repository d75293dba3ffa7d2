using Remediator.Core.Audit;
using Remediator.Core.Configuration;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// Turns an EventBridge event into the findings a pass settles: the read-only audit of the API and stage it names
/// (every API of the region for the schedule), and one finding per Lambda target whose function policy does not
/// allow API Gateway's call, already resolved to that target. From the claim on it is a logged failure's pass:
/// same verdict read afresh, ownership proof, mode, caps and ledger (docs/ARCHITECTURE.md, "Healing ahead of failures").
/// </summary>
internal sealed class ControlPlaneAudit(EngineDependencies deps, RemediatorSettings settings, EngineOptions options)
{
    /// <summary>
    /// The audit of what <paramref name="trigger"/> names, or why there is nothing to audit. The schedule's audit goes
    /// on after where the last sweep stopped and stops taking APIs after <see cref="EngineOptions.SweepReadBudget"/>.
    /// </summary>
    public async Task<Result<AuditedEvent, string>> AuditAsync(ControlPlaneEvent trigger, CancellationToken cancellationToken)
    {
        bool sweep = trigger.Kind == ControlPlaneEventKind.Schedule;
        string? startAfter = sweep ? await deps.Ledger.GetSweepCursorAsync(cancellationToken).ConfigureAwait(false) : null;
        long started = deps.Time.GetTimestamp();
        var request = new AuditRequest(options.AccountId, options.Region, trigger.ApiId, trigger.Stage, settings.StageScope, startAfter);
        Result<AuditReport, string> audited = await new Auditor(deps.RestApis, deps.V2Apis, deps.Lambda).AuditAsync(
            request, cancellationToken, sweep ? () => deps.Time.GetElapsedTime(started) >= options.SweepReadBudget : null).ConfigureAwait(false);
        if (!audited.IsSuccess)
        {
            return Result<AuditedEvent, string>.Failure(audited.Error);
        }

        AuditReport report = audited.Value;
        ResolvedFinding[] findings = report.Entries
            .Where(entry => entry is { Status: AuditStatus.Missing, Resolved: not null })
            .Select((entry, index) => Finding(trigger, entry.Resolved!, index))
            .ToArray();
        return Result<AuditedEvent, string>.Success(new AuditedEvent(report, findings, startAfter));
    }

    private ResolvedFinding Finding(ControlPlaneEvent trigger, ResolvedTarget target, int index)
    {
        FindingKind kind = target.Kind == TargetKind.Authorizer ? FindingKind.AuthorizerInvokePermission : FindingKind.MissingInvokePermission;
        string seen = trigger.Describe();
        var finding = new Finding(
            kind,
            target.ApiType,
            target.Api.ApiId,
            target.Stage,
            target.HttpMethod,
            target.ResourcePath,
            target.RouteKey,
            FunctionArn: null,
            RequestIds: [],
            Occurrences: 1,
            trigger.Time,
            trigger.Time,
            Evidence: [seen]);
        return new ResolvedFinding
        {
            Finding = finding,
            Index = index,
            Request = finding,
            Target = target,
            Key = RootCauseKey.ForTarget(kind, target, settings.StageScope),
            Verified = [$"After {seen}, the audit of stage {target.Stage} found that {target.Describe()} calls a function whose policy does not allow API Gateway to invoke it from there; no request had to fail first."],
        };
    }
}
