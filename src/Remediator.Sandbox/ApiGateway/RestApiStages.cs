using System.Text.RegularExpressions;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.ApiGateway;

/// <summary>
/// REST API deployments and stages: CreateDeployment (which freezes the draft into the deployment), CreateStage,
/// GetStages, GetStage, UpdateStage (patch operations).
/// </summary>
internal sealed partial class RestApiStages(SandboxEnvironment env)
{
    private const AwsProtocol Protocol = AwsProtocol.RestJson;

    public ServiceResult CreateDeployment(RestApiRecord api, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.CreateDeploymentRequest, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        var methods = api.Resources.Values.SelectMany(r => r.ResourceMethods?.Values ?? []).ToList();
        if (methods.Count == 0)
        {
            return ApiGatewayErrors.BadRequest("The REST API doesn't contain any methods");
        }

        if (methods.Any(m => m.MethodIntegration is null))
        {
            return ApiGatewayErrors.BadRequest("No integration defined for method");
        }

        if (input.StageName is not null && !StageNamePattern().IsMatch(input.StageName))
        {
            return ApiGatewayErrors.BadRequest("Stage name only allows a-zA-Z0-9_");
        }

        var now = env.Now.ToUnixTimeSeconds();
        var deployment = new Deployment { Id = env.Ids.Alphanumeric(6), Description = input.Description, CreatedDate = now };
        api.Deployments[deployment.Id] = deployment;
        api.Snapshots[deployment.Id] = api.Snapshot();
        if (input.StageName is not null)
        {
            api.Stages[input.StageName] = api.Stages.TryGetValue(input.StageName, out var existing)
                ? existing with { DeploymentId = deployment.Id, Variables = Merge(existing.Variables, input.Variables), LastUpdatedDate = now }
                : new Stage { StageName = input.StageName, DeploymentId = deployment.Id, Description = input.StageDescription, Variables = input.Variables, CreatedDate = now, LastUpdatedDate = now };
        }

        return Reply.Json(Protocol, deployment, SandboxJson.Context.Deployment, 201);
    }

    public ServiceResult CreateStage(RestApiRecord api, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.CreateStageRequest, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (input.StageName is null || !StageNamePattern().IsMatch(input.StageName))
        {
            return ApiGatewayErrors.BadRequest("Stage name only allows a-zA-Z0-9_");
        }

        if (input.DeploymentId is null || !api.Deployments.ContainsKey(input.DeploymentId))
        {
            return ApiGatewayErrors.NotFound("Invalid Deployment identifier specified");
        }

        if (api.Stages.ContainsKey(input.StageName))
        {
            return ApiGatewayErrors.Conflict("Stage already exists");
        }

        if (ApiGatewayErrors.InvalidTags(input.Tags) is { } invalidTags)
        {
            return invalidTags;
        }

        var now = env.Now.ToUnixTimeSeconds();
        var stage = new Stage
        {
            StageName = input.StageName,
            DeploymentId = input.DeploymentId,
            Description = input.Description,
            Variables = input.Variables,
            TracingEnabled = input.TracingEnabled ?? false,
            Tags = input.Tags,
            CreatedDate = now,
            LastUpdatedDate = now,
        };
        api.Stages[stage.StageName] = stage;
        return Reply.Json(Protocol, stage, SandboxJson.Context.Stage, 201);
    }

    public ServiceResult GetStages(RestApiRecord api, SandboxRequest request)
    {
        var deploymentId = request.QueryValue("deploymentId");
        var stages = api.Stages.Values.Where(s => deploymentId is null || s.DeploymentId == deploymentId).ToList();
        return Reply.Json(Protocol, new StageList(stages), SandboxJson.Context.StageList);
    }

    public ServiceResult GetStage(RestApiRecord api, ServiceCall call) =>
        api.Stages.TryGetValue(call["stage_name"], out var stage) ? Reply.Json(Protocol, stage, SandboxJson.Context.Stage) : StageNotFound();

    public ServiceResult UpdateStage(RestApiRecord api, ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.UpdateStageRequest, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (!api.Stages.TryGetValue(call["stage_name"], out var stage))
        {
            return StageNotFound();
        }

        var patched = StagePatch.Apply(stage, input.PatchOperations ?? [], api.Deployments.ContainsKey);
        if (patched.Error is not null)
        {
            return patched.Error;
        }

        var updated = patched.Stage! with { LastUpdatedDate = env.Now.ToUnixTimeSeconds() };
        api.Stages[stage.StageName] = updated;
        return Reply.Json(Protocol, updated, SandboxJson.Context.Stage);
    }

    private static Dictionary<string, string>? Merge(IReadOnlyDictionary<string, string>? existing, Dictionary<string, string>? added)
    {
        if (existing is null && added is null)
        {
            return null;
        }

        var merged = new Dictionary<string, string>(existing ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in added ?? [])
        {
            merged[key] = value;
        }

        return merged;
    }

    private static ServiceError StageNotFound() => ApiGatewayErrors.NotFound("Invalid Stage identifier specified");

    [GeneratedRegex(@"^[a-zA-Z0-9_]{1,128}$")]
    private static partial Regex StageNamePattern();
}
