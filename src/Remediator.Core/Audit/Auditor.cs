using Remediator.Core.Decisions;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Audit;

/// <summary>
/// Read-only audit of an account's API Gateway → Lambda permissions: every Lambda target of every stage goes
/// through the same checks, grant plan and policy verdict as a fix (<see cref="TargetChecks"/>,
/// <see cref="GrantPlanner"/>, <see cref="FunctionChecks"/>, <see cref="PolicyVerdict"/>), evaluated for the
/// source ARN API Gateway presents from that stage. Nothing is written.
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

        return Result<AuditReport, string>.Success(new AuditReport(entries, policies.RemediatorStatements(), notes, done, stages, resumeAfter));
    }
}
