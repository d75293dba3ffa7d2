using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// Lets a finding count only if its lines come from where API Gateway writes them for the stage it names
/// (docs/ARCHITECTURE.md, "Safety rules" 14): anything else is forged or stale and ends
/// <c>Ignored(LogSourceMismatch)</c> before any claim, so it leaves no ledger record, ticket or message.
/// Reads only what resolution already read (memoised GetRestApi/GetApi and GetStage).
/// </summary>
internal sealed class LogSourceStage(EngineOptions options, ControlPlaneReader reader, LogBatch batch)
{
    private readonly LogSource source = LogSource.Of(batch);

    /// <summary>The finding unchanged when its source checks out; else refused with the reason.</summary>
    public async Task<ResolvedFinding> CheckAsync(ResolvedFinding finding, CancellationToken cancellationToken)
    {
        try
        {
            LogSourceResult result = await JudgeAsync(finding, cancellationToken).ConfigureAwait(false);
            return result.Refusal is { } refusal ? finding with { Key = null, Refusal = refusal } : finding;
        }
        catch (AwsServiceException e) when (!TransientAwsErrors.IsTransient(e))
        {
            // The stage cannot be read (access denied): resolution has already made this finding's ticket about it.
            return finding;
        }
    }

    private async Task<LogSourceResult> JudgeAsync(ResolvedFinding finding, CancellationToken cancellationToken)
    {
        if (finding.Target is { } target)
        {
            StageLogging? logging = await reader.GetStageLoggingAsync(target.ApiType, target.Api.ApiId, target.Stage, cancellationToken).ConfigureAwait(false);
            return logging is null ? Unknown($"stage {target.Stage} of API {target.Api.ApiId} does not exist") : LogSourceCheck.Check(source, target, logging);
        }

        if (finding.Sweep is { Targets: [{ } first, ..] })
        {
            return await CheckStageAsync(first.Api, first.ApiType, first.Stage, cancellationToken).ConfigureAwait(false);
        }

        Finding logged = finding.Finding;
        var api = new ApiTarget(options.Region, options.AccountId, logged.ApiId ?? string.Empty);
        if (logged.Stage is null || api.Validate() is not null)
        {
            return Unknown("the lines name no API and stage of this account, so nothing says API Gateway wrote them");
        }

        ApiType type = logged.ApiType != ApiType.Unknown ? logged.ApiType : await TypeOfAsync(api.ApiId, cancellationToken).ConfigureAwait(false);
        return type == ApiType.Unknown
            ? Unknown($"API {api.ApiId} does not exist in account {options.AccountId}")
            : await CheckStageAsync(api, type, logged.Stage, cancellationToken).ConfigureAwait(false);
    }

    // The method is unknown here: the lines count if the stage or any of its overrides logs. The API is read
    // first (memoised), so an API that cannot be read (access denied) keeps the ticket resolution made of it.
    private async Task<LogSourceResult> CheckStageAsync(ApiTarget api, ApiType type, string stage, CancellationToken cancellationToken)
    {
        if (await reader.GetApiTagsAsync(type, api.ApiId, cancellationToken).ConfigureAwait(false) is null)
        {
            return Unknown($"API {api.ApiId} does not exist in account {options.AccountId}");
        }

        StageLogging? logging = await reader.GetStageLoggingAsync(type, api.ApiId, stage, cancellationToken).ConfigureAwait(false);
        return logging is null
            ? Unknown($"stage {stage} of API {api.ApiId} does not exist")
            : LogSourceCheck.Check(source, api, type, stage, logging, overrideKey: null);
    }

    private async Task<ApiType> TypeOfAsync(string apiId, CancellationToken cancellationToken)
    {
        if (await reader.GetRestApiAsync(apiId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return ApiType.Rest;
        }

        return (await reader.GetApiAsync(apiId, cancellationToken).ConfigureAwait(false))?.ProtocolType switch
        {
            "HTTP" => ApiType.Http,
            "WEBSOCKET" => ApiType.WebSocket,
            _ => ApiType.Unknown,
        };
    }

    private LogSourceResult Unknown(string problem) =>
        new(
            false,
            ExecutionLogGroup.TryParse(batch.LogGroup, out _, out _) ? LogSourceKind.ExecutionLog : LogSourceKind.AccessLog,
            $"log lines from {batch.LogGroup} were not taken as evidence: {problem}");
}
