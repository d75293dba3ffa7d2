using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Emulation.Logs;
using Remediator.Sandbox.DataPlane;
using Remediator.Sandbox.Faults;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.Logs;
using Remediator.Sandbox.State;
using Remediator.Sandbox.Tagging;

namespace Remediator.Sandbox.Admin;

/// <summary>
/// <c>/_sandbox/*</c>: state introspection and reset, fault injection, log subscriptions, role permissions, tags only AWS
/// may set. Unsigned on purpose:
/// these are test hooks on a loopback-only endpoint, not AWS APIs.
/// </summary>
internal sealed class AdminChannel(
    SandboxEnvironment env,
    FaultInjector faults,
    LogSubscriptions subscriptions,
    HttpClient http,
    Func<CancellationToken, Task> afterChangeAsync) : ISideChannel
{
    public bool Matches(SandboxRequest request) => request.Segments.Count > 0 && request.Segments[0] == "_sandbox";

    public async Task<SandboxResponse> HandleAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Method, string.Join('/', request.Segments.Skip(1)))
        {
            case ("GET", "health"):
                return SandboxResponse.Text(200, Reply.JsonContentType, "{\"status\":\"ok\"}");
            case ("GET", "state"):
                return new SandboxResponse(200, Reply.JsonContentType, env.State.Snapshot(env.AccountId, env.Region), new Dictionary<string, string>());
            case ("POST", "reset"):
                env.State.Reset();
                faults.Clear();
                await afterChangeAsync(cancellationToken).ConfigureAwait(false);
                return SandboxResponse.Empty(204);
            case ("GET", "faults"):
                return Json(200, faults.Pending().ToList(), SandboxJson.Context.ListFaultRule);
            case ("POST", "faults"):
                return AddFault(request);
            case ("DELETE", "faults"):
                faults.Clear();
                return SandboxResponse.Empty(204);
            case ("GET", "subscriptions"):
                return Json(200, Views(), SandboxJson.Context.ListSubscriptionView);
            case ("POST", "subscriptions"):
                return AddSubscription(request);
            case ("DELETE", "subscriptions"):
                subscriptions.Clear();
                return SandboxResponse.Empty(204);
            case ("GET", "role-permissions"):
                return Json(200, RolePermissions(), SandboxJson.Context.ListRolePermission);
            case ("POST", "role-permissions"):
                return await AddRolePermissionAsync(request, cancellationToken).ConfigureAwait(false);
            case ("GET", "role-trust"):
                return Json(200, RoleTrusts(), SandboxJson.Context.ListRoleTrust);
            case ("POST", "role-trust"):
                return await SetRoleTrustAsync(request, cancellationToken).ConfigureAwait(false);
            case ("POST", "tags"):
                return await AddTagsAsync(request, cancellationToken).ConfigureAwait(false);
            default:
                return Problem(404, $"No sandbox endpoint {request.Method} {request.RawPath}. Try GET /_sandbox/state.");
        }
    }

    private SandboxResponse AddFault(SandboxRequest request)
    {
        try
        {
            var rule = JsonSerializer.Deserialize(request.Body, SandboxJson.Context.FaultRule)
                ?? throw new JsonException("A fault rule is a JSON object.");
            faults.Add(rule);
            return Json(201, faults.Pending().ToList(), SandboxJson.Context.ListFaultRule);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return Problem(400, ex.Message);
        }
    }

    private async Task<SandboxResponse> AddRolePermissionAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        if (!TryRead(request, SandboxJson.Context.RolePermissionRequest, out RolePermissionRequest? input, out SandboxResponse? unreadable))
        {
            return unreadable;
        }

        if (RolePermission.Problem(input?.RoleArn, input?.FunctionArn) is { } problem)
        {
            return Problem(400, problem);
        }

        var permission = new RolePermission(input!.RoleArn!, input.FunctionArn!);
        lock (env.State.Gate)
        {
            if (!env.Data.RolePermissions.Contains(permission))
            {
                env.Data.RolePermissions.Add(permission);
            }
        }

        await afterChangeAsync(cancellationToken).ConfigureAwait(false);
        return Json(201, RolePermissions(), SandboxJson.Context.ListRolePermission);
    }

    private async Task<SandboxResponse> SetRoleTrustAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        if (!TryRead(request, SandboxJson.Context.RoleTrustRequest, out RoleTrustRequest? input, out SandboxResponse? unreadable))
        {
            return unreadable;
        }

        if (RoleTrust.Problem(input?.RoleArn, input?.TrustedServices) is { } problem)
        {
            return Problem(400, problem);
        }

        lock (env.State.Gate)
        {
            env.Data.RoleTrusts.RemoveAll(t => t.RoleArn == input!.RoleArn);
            env.Data.RoleTrusts.Add(new RoleTrust(input!.RoleArn!, [.. input.TrustedServices!]));
        }

        await afterChangeAsync(cancellationToken).ConfigureAwait(false);
        return Json(201, RoleTrusts(), SandboxJson.Context.ListRoleTrust);
    }

    private List<RoleTrust> RoleTrusts()
    {
        lock (env.State.Gate)
        {
            return [.. env.Data.RoleTrusts];
        }
    }

    private async Task<SandboxResponse> AddTagsAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        if (!TryRead(request, SandboxJson.Context.SandboxTagsRequest, out SandboxTagsRequest? input, out SandboxResponse? unreadable))
        {
            return unreadable;
        }

        if (input?.ResourceArn is not { } arn || input.Tags is not { Count: > 0 } tags)
        {
            return Problem(400, "Tags need a resourceArn and a non-empty tags object, e.g. {\"resourceArn\":\"arn:aws:apigateway:us-east-1::/restapis/abc\",\"tags\":{\"aws:cloudformation:stack-id\":\"...\"}}.");
        }

        if (TagRules.Oversized(tags) is { } problem)
        {
            return Problem(400, problem);
        }

        SandboxTagsRequest answer;
        lock (env.State.Gate)
        {
            if (TaggedResources.Any(env, arn) is not { } resource)
            {
                return Problem(404, $"No REST API, HTTP or WebSocket API, stage or function of this sandbox has the ARN {arn}.");
            }

            resource.Add(tags);
            answer = new SandboxTagsRequest { ResourceArn = arn, Tags = new Dictionary<string, string>(resource.Tags) };
        }

        await afterChangeAsync(cancellationToken).ConfigureAwait(false);
        return Json(200, answer, SandboxJson.Context.SandboxTagsRequest);
    }

    private List<RolePermission> RolePermissions()
    {
        lock (env.State.Gate)
        {
            return [.. env.Data.RolePermissions];
        }
    }

    private SandboxResponse AddSubscription(SandboxRequest request)
    {
        try
        {
            var input = JsonSerializer.Deserialize(request.Body, SandboxJson.Context.SubscriptionRequest)
                ?? throw new JsonException("A subscription is a JSON object.");
            if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                return Problem(400, "A subscription needs an absolute http(s) url.");
            }

            var pattern = FilterPattern.Parse(input.FilterPattern);
            subscriptions.Add(new LogSubscriber(
                input.FilterName ?? "sandbox",
                input.LogGroupNamePrefix ?? "API-Gateway-Execution-Logs_",
                pattern,
                url.ToString(),
                async (payload, ct) =>
                {
                    using var content = new StringContent(payload, Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(url, content, ct).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                }));
            return Json(201, Views(), SandboxJson.Context.ListSubscriptionView);
        }
        catch (Exception ex) when (ex is JsonException or FilterPatternException)
        {
            return Problem(400, ex.Message);
        }
    }

    private List<SubscriptionView> Views() =>
        [.. subscriptions.List().Select(s => new SubscriptionView(s.Name, s.LogGroupNamePrefix, s.Pattern.Text, s.Target))];

    /// <summary>Reads a test hook's JSON body; a body that is not JSON is a 400 naming why.</summary>
    private static bool TryRead<T>(SandboxRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, out T? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SandboxResponse? problem)
    {
        try
        {
            value = JsonSerializer.Deserialize(request.Body, info);
            problem = null;
            return true;
        }
        catch (JsonException ex)
        {
            value = default;
            problem = Problem(400, ex.Message);
            return false;
        }
    }

    private static SandboxResponse Json<T>(int status, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        new(status, Reply.JsonContentType, JsonSerializer.SerializeToUtf8Bytes(value, info), new Dictionary<string, string>());

    private static SandboxResponse Problem(int status, string message) =>
        SandboxResponse.Text(status, Reply.JsonContentType, SandboxJson.Write(new JsonObject { ["message"] = message }));
}
