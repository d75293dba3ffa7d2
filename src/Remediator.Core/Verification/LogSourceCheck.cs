using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// Decides whether log lines come from where API Gateway writes them for a stage, so that lines anyone with
/// <c>logs:PutLogEvents</c> could write elsewhere are not taken as evidence. Pure: the stage's logging comes from
/// the GetStage answer resolution read.
/// <list type="bullet">
/// <item>Execution logs (REST, WebSocket): delivered from the API's own account and group
/// <c>API-Gateway-Execution-Logs_{apiId}/{stage}</c>, and the stage (or the method's or route's override) logs at
/// ERROR or INFO. HTTP APIs write no execution logs.</item>
/// <item>Access logs: the delivering group is the stage's <c>accessLogSettings.destinationArn</c>, compared on
/// partition, region, account and exact name, with or without the ARN's trailing <c>:*</c>.</item>
/// </list>
/// Execution or access log is told by the log group, as the diagnosis tells it.
/// </summary>
public static class LogSourceCheck
{
    /// <summary>Judges the lines a finding came from against the target they were resolved to.</summary>
    /// <param name="source">The subscription message's owner and log group.</param>
    /// <param name="target">The resolved target; its method (REST) or route (WebSocket) picks the override.</param>
    /// <param name="logging">The target stage's logging, from GetStage.</param>
    public static LogSourceResult Check(LogSource source, ResolvedTarget target, StageLogging logging)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Check(source, target.Api, target.ApiType, target.Stage, logging, OverrideKey(target));
    }

    /// <summary>Judges lines against a stage.</summary>
    /// <param name="source">The subscription message's owner and log group.</param>
    /// <param name="api">The API as resolved.</param>
    /// <param name="apiType">The API's type as the control plane reports it.</param>
    /// <param name="stage">The stage as resolved.</param>
    /// <param name="logging">The stage's logging, from GetStage.</param>
    /// <param name="overrideKey">
    /// The method (<see cref="RestMethodSettingKey"/>) or route key whose override applies; null when the method is
    /// unknown: then execution lines count if the stage or any of its overrides logs at ERROR or INFO.
    /// </param>
    public static LogSourceResult Check(LogSource source, ApiTarget api, ApiType apiType, string stage, StageLogging logging, string? overrideKey)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(logging);
        return ExecutionLogGroup.TryParse(source.LogGroupName, out string groupApiId, out string groupStage)
            ? ExecutionLog(source, api, apiType, stage, logging, overrideKey, groupApiId, groupStage)
            : AccessLog(source, api, stage, logging);
    }

    /// <summary>
    /// The <c>methodSettings</c> key of one REST method: the resource path with <c>~</c> as <c>~0</c> and <c>/</c> as
    /// <c>~1</c>, a slash, the method as configured (<c>/pets/{id}</c>, <c>GET</c> → <c>~1pets~1{id}/GET</c>).
    /// </summary>
    public static string RestMethodSettingKey(string resourcePath, string httpMethod)
    {
        ArgumentNullException.ThrowIfNull(resourcePath);
        ArgumentNullException.ThrowIfNull(httpMethod);
        return resourcePath.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) + "/" + httpMethod;
    }

    private static string? OverrideKey(ResolvedTarget target) => target.ApiType switch
    {
        ApiType.Rest when target.ResourcePath is not null && target.HttpMethod is not null => RestMethodSettingKey(target.ResourcePath, target.HttpMethod),
        ApiType.WebSocket => target.RouteKey,
        _ => null,
    };

    private static LogSourceResult ExecutionLog(
        LogSource source, ApiTarget api, ApiType apiType, string stage, StageLogging logging, string? overrideKey, string groupApiId, string groupStage)
    {
        string group = source.LogGroupName;
        if (source.OwnerAccountId != api.AccountId)
        {
            return Mismatch(LogSourceKind.ExecutionLog, $"execution-log lines of API {api.ApiId} were delivered from account {source.OwnerAccountId}, not the API's account {api.AccountId}");
        }

        if (groupApiId != api.ApiId || groupStage != stage)
        {
            return Mismatch(LogSourceKind.ExecutionLog, $"the lines come from log group {group}, where API Gateway writes for API {groupApiId} stage {groupStage}, not for API {api.ApiId} stage {stage}");
        }

        if (apiType == ApiType.Http)
        {
            return Mismatch(LogSourceKind.ExecutionLog, $"API {api.ApiId} is an HTTP API, and HTTP APIs write no execution logs, so API Gateway wrote none of the lines in {group}");
        }

        string unit = apiType == ApiType.WebSocket ? "route" : "method";
        if (overrideKey is null)
        {
            return Logs(logging.LoggingLevel) || logging.Overrides.Values.Any(Logs)
                ? Genuine(LogSourceKind.ExecutionLog, $"stage {stage} of API {api.ApiId} writes execution logs ({Level(logging.LoggingLevel)} for every {unit}{OverridesNote(logging)})")
                : Mismatch(LogSourceKind.ExecutionLog, $"stage {stage} of API {api.ApiId} writes no execution logs (logging {Level(logging.LoggingLevel)}, no {unit} logs), so API Gateway wrote none of the lines in {group}");
        }

        bool overridden = logging.Overrides.TryGetValue(overrideKey, out string? own);
        string level = Level(overridden ? own : logging.LoggingLevel);
        string where = overridden ? $"{unit} {overrideKey} of stage {stage}" : $"stage {stage}";
        return Logs(overridden ? own : logging.LoggingLevel)
            ? Genuine(LogSourceKind.ExecutionLog, $"{where} of API {api.ApiId} logs at {level}")
            : Mismatch(LogSourceKind.ExecutionLog, $"{where} of API {api.ApiId} logs at {level}, so API Gateway wrote none of the lines in {group} for it");
    }

    private static LogSourceResult AccessLog(LogSource source, ApiTarget api, string stage, StageLogging logging)
    {
        string group = source.LogGroupName;
        string? destination = logging.AccessLogDestinationArn;
        if (destination is null)
        {
            return Mismatch(LogSourceKind.AccessLog, $"stage {stage} of API {api.ApiId} writes no access logs, so the lines in {group} are not its");
        }

        if (!LogGroupArn.TryParse(destination, out LogGroupArn? arn))
        {
            return Mismatch(LogSourceKind.AccessLog, $"stage {stage} of API {api.ApiId} sends its access logs to {destination}, not to a log group, so the lines in {group} are not its");
        }

        bool same = arn.Partition == api.Partition
            && arn.Region == api.Region
            && arn.AccountId == source.OwnerAccountId
            && arn.AccountId == api.AccountId
            && arn.Name == group;
        return same
            ? Genuine(LogSourceKind.AccessLog, $"log group {group} is the access-log destination of stage {stage} of API {api.ApiId}")
            : Mismatch(LogSourceKind.AccessLog, $"the lines come from log group {group} of account {source.OwnerAccountId}, but stage {stage} of API {api.ApiId} writes its access logs to {arn.Name} of account {arn.AccountId}, region {arn.Region}");
    }

    private static bool Logs(string? level) =>
        string.Equals(level, "ERROR", StringComparison.OrdinalIgnoreCase) || string.Equals(level, "INFO", StringComparison.OrdinalIgnoreCase);

    private static string Level(string? level) => level is null ? "OFF (not set)" : level.ToUpperInvariant();

    private static string OverridesNote(StageLogging logging)
    {
        int count = logging.Overrides.Values.Count(Logs);
        return count == 0 ? string.Empty : $", {count} override{(count == 1 ? string.Empty : "s")} at ERROR or INFO";
    }

    private static LogSourceResult Genuine(LogSourceKind kind, string detail) => new(true, kind, detail);

    private static LogSourceResult Mismatch(LogSourceKind kind, string detail) => new(false, kind, detail);
}
