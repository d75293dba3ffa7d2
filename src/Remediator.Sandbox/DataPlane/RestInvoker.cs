using System.Globalization;
using Remediator.Sandbox.ApiGateway;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// A REST API call: route to the most specific resource and method the stage's deployment froze, run its authorizer check, resolve the
/// integration with stage variables, decide the Lambda call with the function's policy, and log it all as
/// API Gateway's execution logs do. Runs with the state lock held.
/// </summary>
internal sealed class RestInvoker(SandboxEnvironment env)
{
    public InvocationOutcome Invoke(RestApiRecord api, Invocation call)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(call);
        if (!api.Stages.TryGetValue(call.Stage, out var stage))
        {
            return new(InvocationOutcome.Json(403, "{\"message\":\"Forbidden\"}", "ForbiddenException"), []);
        }

        // The stage serves its deployment, not the draft: what CreateDeployment froze.
        var served = api.Deployed(stage);
        var route = RouteTemplate.MostSpecific(
            served.Resources.Values
                .Where(r => r.ResourceMethods is not null && (r.ResourceMethods.ContainsKey(call.Method) || r.ResourceMethods.ContainsKey("ANY")))
                .Where(r => RouteTemplate.Match(r.Path, call.Path) is not null),
            r => r.Path);
        if (route is null)
        {
            // API Gateway answers unknown routes before execution starts, so nothing is logged.
            return new(InvocationOutcome.Json(403, "{\"message\":\"Missing Authentication Token\"}", "MissingAuthenticationTokenException"), []);
        }

        var method = route.ResourceMethods!.GetValueOrDefault(call.Method) ?? route.ResourceMethods!["ANY"];
        var pathParameters = RouteTemplate.Match(route.Path, call.Path)!;
        var log = new ExecutionLog(call.RequestId).Info(ExecutionLogText.ExtendedRequestId(call.ExtendedRequestId));
        var access = new Dictionary<string, string?>(StringComparer.Ordinal);
        var outcome = AuthorizerFails(served, stage, method, call, log, access)
            ?? Execute(stage, route, method, pathParameters, call, log, access);
        var logs = new List<LogWrite>();
        var level = LogLevel(stage, route.Path, method.HttpMethod ?? call.Method);
        if (log.Render(level) is { Count: > 0 } lines)
        {
            logs.Add(new LogWrite($"API-Gateway-Execution-Logs_{call.ApiId}/{call.Stage}", lines));
        }

        if (stage.AccessLogSettings is { DestinationArn: { } destination } settings && AccessLogs.GroupName(destination) is { } group)
        {
            var context = AccessLogs.Context(env, call, outcome.Status, outcome.Body.Length, access);
            context["context.resourcePath"] = route.Path;
            context["context.resourceId"] = route.Id;
            context["context.path"] = $"/{call.Stage}{call.Path}";
            logs.Add(new LogWrite(group, [AccessLogFormatter.Render(settings.Format ?? AccessLogFormatter.RecommendedFormat, context)]));
        }

        return new InvocationOutcome(outcome, logs);
    }

    private Http.SandboxResponse? AuthorizerFails(DeploymentSnapshot served, Stage stage, Method method, Invocation call, ExecutionLog log, Dictionary<string, string?> access)
    {
        if (method.AuthorizationType != "CUSTOM" || method.AuthorizerId is null || !served.Authorizers.TryGetValue(method.AuthorizerId, out var authorizer))
        {
            return null;
        }

        log.Info(ExecutionLogText.StartingAuthorizer(authorizer.Id!, call.RequestId));
        var sourceArn = $"arn:aws:execute-api:{env.Region}:{env.AccountId}:{call.ApiId}/authorizers/{authorizer.Id}";
        var check = LambdaInvokeCheck.Check(env, authorizer.AuthorizerUri, stage.Variables, sourceArn, authorizer.AuthorizerCredentials);
        if (check.Verdict == InvokeVerdict.Allowed)
        {
            log.Info(ExecutionLogText.AuthorizerCompleted);
            return null;
        }

        if (check.Sent)
        {
            var payload = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = authorizer.Type,
                ["methodArn"] = $"arn:aws:execute-api:{env.Region}:{env.AccountId}:{call.ApiId}/{call.Stage}/{call.Method}{call.Path}",
            };
            IntegrationLines.Request(log, env, call, check.FunctionArn, sourceArn, payload);
        }

        IntegrationLines.Failure(log, env, check);
        log.Error(ExecutionLogText.AuthorizerError);
        access["context.error.message"] = null;
        access["context.error.responseType"] = "AUTHORIZER_CONFIGURATION_ERROR";
        access["context.authorizer.error"] = ExecutionLogText.AuthorizerError;
        return InvocationOutcome.Json(500, "{\"message\":null}", "AuthorizerConfigurationException");
    }

    private Http.SandboxResponse Execute(Stage stage, Resource route, Method method, IReadOnlyDictionary<string, string> pathParameters, Invocation call, ExecutionLog log, Dictionary<string, string?> access)
    {
        log.Info(ExecutionLogText.VerifyingUsagePlan(call.RequestId, call.ApiId, call.Stage));
        log.Info(ExecutionLogText.ApiKeyNotRequired("method", $"{method.HttpMethod} {route.Path}"));
        log.Info(ExecutionLogText.UsagePlanSucceeded(call.ApiId, call.Stage));
        log.Info(ExecutionLogText.StartingExecution(call.RequestId));
        log.Info(ExecutionLogText.HttpMethod(call.Method, call.Path));
        log.Info(ExecutionLogText.MethodRequestPath(ExecutionLogText.Map(pathParameters)));
        log.Info(ExecutionLogText.MethodRequestQuery(ExecutionLogText.Map(call.Query)));
        log.Info(ExecutionLogText.MethodRequestHeaders(ExecutionLogText.Map(call.Headers)));
        log.Info(ExecutionLogText.MethodRequestBody(call.Body));

        var integration = method.MethodIntegration;
        var sourceArn = $"arn:aws:execute-api:{env.Region}:{env.AccountId}:{call.ApiId}/{call.Stage}/{call.Method}/{call.Path.TrimStart('/')}";
        var check = integration is { Type: "AWS" or "AWS_PROXY" }
            ? LambdaInvokeCheck.Check(env, integration.Uri, stage.Variables, sourceArn, integration.Credentials)
            : new InvokeCheck(InvokeVerdict.NotLambda, null, "$LATEST");
        if (check.Sent)
        {
            IntegrationLines.Request(log, env, call, check.FunctionArn, sourceArn, IntegrationLines.ProxyEvent(call, route.Path, pathParameters, stage.Variables, env.AccountId));
        }

        if (check.Failed)
        {
            IntegrationLines.Failure(log, env, check);
            log.Info(ExecutionLogText.MethodCompleted(500));
            access["context.integrationErrorMessage"] = ExecutionLogText.FailureText(check);
            access["context.integration.error"] = access["context.integrationErrorMessage"];
            access["context.error.message"] = "Internal server error";
            access["context.error.responseType"] = "API_CONFIGURATION_ERROR";
            return InvocationOutcome.Json(500, "{\"message\": \"Internal server error\"}", "InternalServerErrorException");
        }

        var body = InvocationOutcome.CannedBody(check.FunctionArn ?? integration?.Uri ?? "MOCK", check.ExecutedVersion);
        if (check.Verdict == InvokeVerdict.Allowed)
        {
            IntegrationLines.Success(log, env, check.ExecutedVersion, body);
            access["context.integration.status"] = "200";
            access["context.integrationStatus"] = "200";
            access["context.integration.integrationStatus"] = "200";
        }

        log.Info(ExecutionLogText.MethodResponseBody(body));
        log.Info(ExecutionLogText.MethodResponseHeaders(ExecutionLogText.Map([new("Content-Type", "application/json")])));
        log.Info(ExecutionLogText.SuccessfullyCompleted);
        log.Info(ExecutionLogText.MethodCompleted(200));
        return InvocationOutcome.Json(200, body);
    }

    /// <summary>
    /// The stage's logging level for a method: its own setting (keyed <c>~1pets~1{id}/GET</c>, the path's <c>/</c> as
    /// <c>~1</c>), else <c>*/*</c>, else OFF. An override that sets no level inherits the stage's.
    /// </summary>
    private static string LogLevel(Stage stage, string resourcePath, string method) =>
        stage.MethodSettings.GetValueOrDefault($"{resourcePath.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}/{method}")?.LoggingLevel
        ?? stage.MethodSettings.GetValueOrDefault("*/*")?.LoggingLevel
        ?? "OFF";
}
