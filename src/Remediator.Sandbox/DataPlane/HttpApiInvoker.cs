using Remediator.Sandbox.ApiGatewayV2;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// An HTTP API call: route by route key (most specific, then <c>$default</c>), check a REQUEST authorizer and
/// the Lambda integration against the functions' policies, and write the stage's access-log line (HTTP APIs
/// have no execution logs). Runs with the state lock held.
/// </summary>
internal sealed class HttpApiInvoker(SandboxEnvironment env)
{
    public const string AuthorizerPermissionMessage =
        "The IAM role configured on the authorizer or API Gateway doesn't have permissions to call the authorizer. Check the permissions and try again.";

    public InvocationOutcome Invoke(ApiV2Record api, Invocation call)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(call);
        if (!api.Stages.TryGetValue(call.Stage, out var stage))
        {
            return new(InvocationOutcome.Json(404, "{\"message\":\"Not Found\"}"), []);
        }

        var route = RouteTemplate.MostSpecific(
                api.Routes.Values.Where(r => RouteMatches(r.RouteKey, call) is not null),
                r => r.RouteKey!.Split(' ', 2)[1])
            ?? api.Routes.Values.FirstOrDefault(r => r.RouteKey == "$default");
        if (route is null)
        {
            return new(InvocationOutcome.Json(404, "{\"message\":\"Not Found\"}"), []);
        }

        var access = new Dictionary<string, string?>(StringComparer.Ordinal) { ["context.routeKey"] = route.RouteKey };
        var response = Execute(api, stage, route, call, access);
        var logs = new List<LogWrite>();
        if (stage.AccessLogSettings is { DestinationArn: { } destination } settings && AccessLogs.GroupName(destination) is { } group)
        {
            var context = AccessLogs.Context(env, call, response.Status, response.Body.Length, access);
            context["context.path"] = call.Stage == "$default" ? call.Path : $"/{call.Stage}{call.Path}";
            logs.Add(new LogWrite(group, [AccessLogFormatter.Render(settings.Format ?? AccessLogFormatter.RecommendedFormat, context)]));
        }

        return new InvocationOutcome(response, logs);
    }

    private Http.SandboxResponse Execute(ApiV2Record api, ApiStage stage, Route route, Invocation call, Dictionary<string, string?> access)
    {
        var internalError = InvocationOutcome.Json(500, "{\"message\":\"Internal Server Error\"}");
        if (route.AuthorizationType == "CUSTOM" && route.AuthorizerId is not null && api.Authorizers.TryGetValue(route.AuthorizerId, out var authorizer))
        {
            var authorizerSource = $"arn:aws:execute-api:{env.Region}:{env.AccountId}:{call.ApiId}/authorizers/{authorizer.AuthorizerId}";
            var authorizerCheck = LambdaInvokeCheck.Check(env, authorizer.AuthorizerUri, stage.StageVariables, authorizerSource, authorizer.AuthorizerCredentialsArn);
            if (authorizerCheck.Verdict != InvokeVerdict.Allowed)
            {
                access["context.authorizer.error"] = AuthorizerPermissionMessage;
                access["context.integrationErrorMessage"] = AuthorizerPermissionMessage;
                access["context.error.message"] = "Internal Server Error";
                access["context.error.responseType"] = "AUTHORIZER_CONFIGURATION_ERROR";
                return internalError;
            }
        }

        var integration = route.Target is { } target && target.StartsWith("integrations/", StringComparison.Ordinal)
            ? api.Integrations.GetValueOrDefault(target["integrations/".Length..])
            : null;
        var sourceArn = route.RouteKey == "$default"
            ? $"arn:aws:execute-api:{env.Region}:{env.AccountId}:{call.ApiId}/{call.Stage}/$default"
            : $"arn:aws:execute-api:{env.Region}:{env.AccountId}:{call.ApiId}/{call.Stage}/{call.Method}/{call.Path.TrimStart('/')}";
        var check = integration is { IntegrationType: "AWS_PROXY" }
            ? LambdaInvokeCheck.Check(env, integration.IntegrationUri, stage.StageVariables, sourceArn, integration.CredentialsArn)
            : new InvokeCheck(InvokeVerdict.NotLambda, null, "$LATEST");
        string? failure = check.Verdict switch
        {
            InvokeVerdict.Denied => ExecutionLogText.HttpApiRefusal(check.Denial ?? InvokeDenial.PolicyDoesNotAllow),
            InvokeVerdict.RoleNotAssumable => ExecutionLogText.HttpApiRoleNotAssumable,
            InvokeVerdict.Throttled => ExecutionLogText.HttpApiThrottled,
            InvokeVerdict.FunctionNotFound => $"Function not found: {check.FunctionArn}",
            _ => null,
        };
        switch (failure)
        {
            case not null:
                access["context.integrationErrorMessage"] = failure;
                access["context.integration.error"] = failure;
                access["context.error.message"] = "Internal Server Error";
                access["context.error.responseType"] = "INTEGRATION_FAILURE";
                if (check.Verdict == InvokeVerdict.Throttled)
                {
                    access["context.integration.integrationStatus"] = "429";
                }

                return internalError;
            default:
                access["context.integration.integrationStatus"] = "200";
                access["context.integration.status"] = "200";
                access["context.integrationStatus"] = "200";
                return InvocationOutcome.Json(200, InvocationOutcome.CannedBody(check.FunctionArn ?? integration?.IntegrationUri ?? "MOCK", check.ExecutedVersion));
        }
    }

    /// <summary>Path parameters when a <c>METHOD /path</c> route key matches the call, else null.</summary>
    private static IReadOnlyDictionary<string, string>? RouteMatches(string? routeKey, Invocation call)
    {
        var parts = routeKey?.Split(' ', 2);
        if (parts is not { Length: 2 } || (parts[0] != "ANY" && parts[0] != call.Method))
        {
            return null;
        }

        return RouteTemplate.Match(parts[1], call.Path);
    }
}
