using Remediator.Sandbox.ApiGateway;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.ApiGatewayV2;

/// <summary>UpdateStage (<c>PATCH /v2/apis/{apiId}/stages/{stageName}</c>): access-log settings, default and per-route settings.</summary>
internal sealed class HttpApiStages(SandboxEnvironment env)
{
    private const AwsProtocol Protocol = AwsProtocol.RestJson;

    private static readonly string[] LoggingLevels = ["ERROR", "INFO", "OFF"];

    /// <summary>
    /// Members present in the body replace the stage's; route settings merge by route key and, like the default route
    /// settings, field by field (how far AWS merges nested settings is not confirmed).
    /// </summary>
    public ServiceResult UpdateStage(ApiV2Record api, ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.ApiStage, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (!api.Stages.TryGetValue(call["stageName"], out var stage))
        {
            return ApiGatewayErrors.NotFound("Invalid stage identifier specified");
        }

        var levels = (input.RouteSettings?.Values ?? []).Append(input.DefaultRouteSettings).Select(r => r?.LoggingLevel).Where(l => l is not null);
        if (levels.FirstOrDefault(l => !LoggingLevels.Contains(l)) is { } badLevel)
        {
            return ApiGatewayErrors.BadRequest($"Invalid logging level {badLevel}: one of ERROR, INFO, OFF");
        }

        if (input.AccessLogSettings is { DestinationArn: { } destination } && !destination.StartsWith("arn:", StringComparison.Ordinal))
        {
            return ApiGatewayErrors.BadRequest($"Invalid destination ARN: {destination}");
        }

        var routeSettings = new Dictionary<string, RouteSettings>(stage.RouteSettings ?? new Dictionary<string, RouteSettings>(), StringComparer.Ordinal);
        foreach (var (routeKey, settings) in input.RouteSettings ?? new Dictionary<string, RouteSettings>())
        {
            routeSettings[routeKey] = Merge(routeSettings.GetValueOrDefault(routeKey), settings);
        }

        var updated = stage with
        {
            Description = input.Description ?? stage.Description,
            DeploymentId = input.DeploymentId ?? stage.DeploymentId,
            AutoDeploy = input.AutoDeploy ?? stage.AutoDeploy,
            StageVariables = input.StageVariables ?? stage.StageVariables,
            AccessLogSettings = input.AccessLogSettings ?? stage.AccessLogSettings,
            DefaultRouteSettings = input.DefaultRouteSettings is null ? stage.DefaultRouteSettings : Merge(stage.DefaultRouteSettings, input.DefaultRouteSettings),
            RouteSettings = routeSettings,
            LastUpdatedDate = env.NowSeconds,
        };
        api.Stages[stage.StageName!] = updated;
        return Reply.Json(Protocol, updated, SandboxJson.Context.ApiStage);
    }

    private static RouteSettings Merge(RouteSettings? current, RouteSettings added) => new()
    {
        DataTraceEnabled = added.DataTraceEnabled ?? current?.DataTraceEnabled,
        DetailedMetricsEnabled = added.DetailedMetricsEnabled ?? current?.DetailedMetricsEnabled,
        LoggingLevel = added.LoggingLevel ?? current?.LoggingLevel,
        ThrottlingBurstLimit = added.ThrottlingBurstLimit ?? current?.ThrottlingBurstLimit,
        ThrottlingRateLimit = added.ThrottlingRateLimit ?? current?.ThrottlingRateLimit,
    };
}
