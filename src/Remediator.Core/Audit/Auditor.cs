using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Audit;

/// <summary>
/// Read-only audit of an account's API Gateway → Lambda permissions: every Lambda target of every stage goes
/// through the same checks, grant plan and policy verdict as a fix (<see cref="TargetChecks"/>,
/// <see cref="GrantPlanner"/>, <see cref="FunctionChecks"/>, <see cref="PolicyVerdict"/>), evaluated for the
/// source ARN API Gateway presents from that stage. Then hygiene: each of Remediator's statements is judged stale or not
/// (<see cref="StalenessJudge"/>), and each policy above 80% of Lambda's 20 KB limit gets a finding with a consolidation
/// that never widens it (<see cref="PolicyConsolidator"/>). Nothing is written.
/// </summary>
public sealed class Auditor(IApiGatewayClient restApis, IApiGatewayV2Client v2Apis, ILambdaClient lambda)
{
    /// <summary>Audits what <paramref name="request"/> selects.</summary>
    /// <param name="request">What to audit.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <param name="timeIsUp">Asked before each API after the first: true stops the audit there (<see cref="AuditReport.ResumeAfter"/>).</param>
    public async Task<Result<AuditReport, string>> AuditAsync(AuditRequest request, CancellationToken cancellationToken, Func<bool>? timeIsUp = null)
    {
        ArgumentNullException.ThrowIfNull(request);

        // One audit, one set of memoised reads: many methods share an integration's function and its policy.
        var reader = new ControlPlaneReader(restApis, v2Apis, lambda);
        var policies = new AuditedPolicies(lambda);
        IReadOnlyList<AuditedApi> apis = await new ApiSelector(restApis, v2Apis, reader).SelectAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.ApiId is not null && apis.Count == 0)
        {
            return Result<AuditReport, string>.Failure($"no REST, HTTP or WebSocket API {request.ApiId} exists in account {request.AccountId}, region {request.Region}");
        }

        var apiAuditor = new ApiAuditor(restApis, v2Apis, reader, new TargetAuditor(reader, policies, request.StageScope));
        var entries = new List<AuditEntry>();
        var notes = new List<string>();
        int stages = 0;
        int done = 0;
        string? resumeAfter = null;
        foreach (AuditedApi api in apis)
        {
            if (done > 0 && timeIsUp?.Invoke() == true)
            {
                resumeAfter = apis[done - 1].SweepKey;
                break;
            }

            done++;
            ApiAudit audited = await apiAuditor.AuditAsync(api, request.Stage, cancellationToken).ConfigureAwait(false);
            entries.AddRange(audited.Entries);
            notes.AddRange(audited.Notes);
            stages += audited.Stages;
        }

        if (request.Stage is not null && stages == 0)
        {
            return Result<AuditReport, string>.Failure($"no audited API has a stage \"{request.Stage}\"");
        }

        // Only this account's and region's: a ledger shared across accounts names functions this audit cannot read.
        foreach (LambdaFunctionArn function in request.AlsoInspect.Where(f => f.AccountId == request.AccountId && f.Region == request.Region))
        {
            if (!await policies.TryReadAsync(function, cancellationToken).ConfigureAwait(false))
            {
                notes.Add($"{function.Arn}, which a ledger fix names, no longer exists.");
            }
        }

        // Hygiene: staleness needs control-plane reads of its own, which a sweep whose time is up leaves to the next run.
        IReadOnlyList<RemediatorStatement> statements = policies.RemediatorStatements();
        if (timeIsUp?.Invoke() != true)
        {
            var judge = new StalenessJudge(restApis, reader, request.AccountId, request.Region);
            var judged = new List<RemediatorStatement>(statements.Count);
            foreach (RemediatorStatement statement in statements)
            {
                judged.Add(statement.Refusal is null
                    ? statement with { Staleness = await judge.JudgeAsync(statement.SourceArn, cancellationToken).ConfigureAwait(false) }
                    : statement);
            }

            statements = judged;
        }

        return Result<AuditReport, string>.Success(new AuditReport(entries, statements, notes, done, stages, resumeAfter)
        {
            PolicyFindings = PolicyFindings(policies, entries, statements),
        });
    }

    private static PolicyFinding[] PolicyFindings(AuditedPolicies policies, List<AuditEntry> entries, IReadOnlyList<RemediatorStatement> statements) =>
    [
        .. policies.Policies().Select(p => PolicyConsolidator.Judge(
            p.Function,
            p.Policy,
            [.. entries.Where(e => e.SourceArn is not null && string.Equals(e.FunctionArn, p.Function.Arn, StringComparison.Ordinal)).Select(e => e.SourceArn!)],
            statements
                .Where(s => s.Staleness?.IsStale == true && s.FunctionArn == p.Function.UnqualifiedArn && s.Qualifier == p.Function.Qualifier)
                .Select(s => s.StatementId)
                .ToHashSet(StringComparer.Ordinal)))
            .OfType<PolicyFinding>(),
    ];
}
