using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Audit;

/// <summary>Audits the selected stages of one API: each stage's Lambda targets (<see cref="StageTargets"/>), each judged.</summary>
internal sealed class ApiAuditor(IApiGatewayClient restApis, IApiGatewayV2Client v2Apis, ControlPlaneReader reader, TargetAuditor targets)
{
    /// <summary>The audit of <paramref name="api"/>'s stages, or only of <paramref name="wantedStage"/> when given.</summary>
    public async Task<ApiAudit> AuditAsync(AuditedApi api, string? wantedStage, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Variables)> stages = api.Type == ApiType.Rest
            ? [.. (await restApis.GetStagesAsync(api.Id, cancellationToken).ConfigureAwait(false)).Select(s => (s.StageName, s.Variables))]
            : [.. (await v2Apis.GetStagesAsync(api.Id, cancellationToken).ConfigureAwait(false)).Select(s => (s.StageName, s.StageVariables))];
        var entries = new List<AuditEntry>();
        var notes = new List<string>();
        int audited = 0;
        foreach ((string stage, IReadOnlyDictionary<string, string> variables) in stages.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (wantedStage is not null && !string.Equals(wantedStage, stage, StringComparison.Ordinal))
            {
                continue;
            }

            audited++;
            IReadOnlyList<ResolvedTarget> found = api.Type == ApiType.Rest
                ? await StageTargets.RestAsync(api, stage, variables, reader, notes, cancellationToken).ConfigureAwait(false)
                : await StageTargets.V2Async(api, stage, variables, reader, notes, cancellationToken).ConfigureAwait(false);
            if (found.Count == 0)
            {
                notes.Add($"{api.Id}/{stage} ({api.Name}): no Lambda integration or authorizer.");
            }

            foreach (ResolvedTarget target in found)
            {
                entries.Add(await targets.JudgeAsync(target, cancellationToken).ConfigureAwait(false));
            }
        }

        if (stages.Count == 0 && wantedStage is null)
        {
            notes.Add($"{api.Id} ({api.Name}): no stages, nothing is deployed.");
        }

        return new ApiAudit(audited, entries, notes);
    }
}
