using Remediator.Sandbox.ApiGateway;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;
using Remediator.Sandbox.Tagging;

namespace Remediator.Sandbox.ApiGatewayV2;

/// <summary>
/// UpdateStage (<c>PATCH /v2/apis/{apiId}/stages/{stageName}</c>) and tagging: TagResource (<c>POST
/// /v2/tags/{resource-arn}</c>, 201 <c>{}</c>), GetTags (<c>GET</c>, <c>{"tags": {...}}</c>), UntagResource
/// (<c>DELETE ?tagKeys=</c>, 204) on HTTP and WebSocket APIs and their stages.
/// </summary>
internal sealed partial class HttpApiService
{
    private static readonly string[] LoggingLevels = ["ERROR", "INFO", "OFF"];

    /// <summary>
    /// Members present in the body replace the stage's; route settings merge by route key and, like the default route
    /// settings, field by field (how far AWS merges nested settings is not confirmed).
    /// </summary>
    private ServiceResult UpdateStage(ApiV2Record api, ServiceCall call, SandboxRequest request)
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

    private ServiceResult Tagging(ServiceCall call, SandboxRequest request)
    {
        var arn = call["resource-arn"];
        if (!TaggedResources.IsApiGatewayArn(arn))
        {
            return ApiGatewayErrors.BadRequest($"Invalid ARN specified in the request: {arn}");
        }

        if (TaggedResources.V2Api(env, arn) is not { } resource)
        {
            return ApiGatewayErrors.NotFound($"Invalid resource identifier specified: {arn}");
        }

        switch (call.Operation)
        {
            case "GetTags":
                return Reply.Json(Protocol, new TagsResponse(new Dictionary<string, string>(resource.Tags)), SandboxJson.Context.TagsResponse);
            case "UntagResource" when TagRules.FirstReserved(request.QueryValues("tagKeys")) is not null:
                return ApiGatewayErrors.ReservedTagKey();
            case "UntagResource":
                resource.Remove(request.QueryValues("tagKeys"));
                return SandboxResponse.Empty(204);
        }

        if (!JsonBody.TryRead(request, SandboxJson.Context.TagsRequest, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (ApiGatewayErrors.InvalidTags(input.Tags) is { } invalid)
        {
            return invalid;
        }

        resource.Add(input.Tags ?? new Dictionary<string, string>());
        return Reply.EmptyObject(Protocol) with { Status = 201 };
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
