using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Audit;

/// <summary>
/// Read-only audit of an account's API Gateway → Lambda permissions: every Lambda target of every stage goes
/// through the same checks, grant plan and policy verdict as a fix (<see cref="TargetChecks"/>,
/// <see cref="GrantPlanner"/>, <see cref="FunctionChecks"/>, <see cref="PolicyVerdict"/>), evaluated for the
/// source ARN API Gateway presents from that stage. Nothing is written.
/// </summary>
public sealed partial class Auditor(IApiGatewayClient restApis, IApiGatewayV2Client v2Apis, ILambdaClient lambda)
{
    /// <summary>Audits what <paramref name="request"/> selects.</summary>
    public async Task<AuditResult> AuditAsync(AuditRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new Run(new ControlPlaneReader(restApis, v2Apis, lambda), request);
        IReadOnlyList<AuditedApi> apis = await ApisAsync(run, cancellationToken).ConfigureAwait(false);
        if (request.ApiId is not null && apis.Count == 0)
        {
            return AuditResult.Unknown($"no REST, HTTP or WebSocket API {request.ApiId} exists in account {request.AccountId}, region {request.Region}");
        }

        int stages = 0;
        foreach (AuditedApi api in apis)
        {
            stages += await AuditApiAsync(run, api, cancellationToken).ConfigureAwait(false);
        }

        if (request.Stage is not null && stages == 0)
        {
            return AuditResult.Unknown($"no audited API has a stage \"{request.Stage}\"");
        }

        RemediatorStatement[] statements = [.. run.Policies.SelectMany(p => OwnStatements(p.Key, p.Value))];
        return AuditResult.Of(new AuditReport(run.Entries, statements, run.Notes, apis.Count, stages));
    }

    private async Task<IReadOnlyList<AuditedApi>> ApisAsync(Run run, CancellationToken cancellationToken)
    {
        AuditRequest request = run.Request;
        ApiTarget Where(string id) => new(request.Region, request.AccountId, id);
        if (request.ApiId is { } apiId)
        {
            if (await run.Reader.GetRestApiAsync(apiId, cancellationToken).ConfigureAwait(false) is { } rest)
            {
                return [new AuditedApi(Where(rest.Id), ApiType.Rest, rest.Name)];
            }

            return await run.Reader.GetApiAsync(apiId, cancellationToken).ConfigureAwait(false) is { } v2 && V2Type(v2) is { } type
                ? [new AuditedApi(Where(v2.ApiId), type, v2.Name)]
                : [];
        }

        IReadOnlyList<RestApi> rests = await restApis.GetRestApisAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<HttpApi> v2s = await v2Apis.GetApisAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. rests.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => new AuditedApi(Where(a.Id), ApiType.Rest, a.Name)),
            .. v2s.OrderBy(a => a.ApiId, StringComparer.Ordinal)
                .Select(a => V2Type(a) is { } type ? new AuditedApi(Where(a.ApiId), type, a.Name) : null)
                .OfType<AuditedApi>(),
        ];
    }

    private static ApiType? V2Type(HttpApi api) => api.ProtocolType switch
    {
        "HTTP" => ApiType.Http,
        "WEBSOCKET" => ApiType.WebSocket,
        _ => null,
    };

    /// <summary>Audits the selected stages of one API; returns how many.</summary>
    private async Task<int> AuditApiAsync(Run run, AuditedApi api, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Variables)> stages = api.Type == ApiType.Rest
            ? [.. (await restApis.GetStagesAsync(api.Id, cancellationToken).ConfigureAwait(false)).Select(s => (s.StageName, s.Variables))]
            : [.. (await v2Apis.GetStagesAsync(api.Id, cancellationToken).ConfigureAwait(false)).Select(s => (s.StageName, s.StageVariables))];
        int audited = 0;
        foreach ((string stage, IReadOnlyDictionary<string, string> variables) in stages.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (run.Request.Stage is { } wanted && !string.Equals(wanted, stage, StringComparison.Ordinal))
            {
                continue;
            }

            audited++;
            IReadOnlyList<ResolvedTarget> targets = api.Type == ApiType.Rest
                ? await StageTargets.RestAsync(api, stage, variables, run.Reader, run.Notes, cancellationToken).ConfigureAwait(false)
                : await StageTargets.V2Async(api, stage, variables, run.Reader, run.Notes, cancellationToken).ConfigureAwait(false);
            if (targets.Count == 0)
            {
                run.Notes.Add($"{api.Id}/{stage} ({api.Name}): no Lambda integration or authorizer.");
            }

            foreach (ResolvedTarget target in targets)
            {
                run.Entries.Add(await JudgeAsync(run, target, cancellationToken).ConfigureAwait(false));
            }
        }

        if (stages.Count == 0 && run.Request.Stage is null)
        {
            run.Notes.Add($"{api.Id} ({api.Name}): no stages, nothing is deployed.");
        }

        return audited;
    }
}
