using System.Text.Json;
using Remediator.Sandbox.ApiGatewayV2;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// A WebSocket message: pick the route with the API's route selection expression (or the
/// <c>X-Sandbox-Route-Key</c> header, e.g. for <c>$connect</c>), check its Lambda integration, and log
/// like REST execution logs do. Runs with the state lock held.
/// </summary>
internal sealed class WebSocketInvoker(SandboxEnvironment env)
{
    public const string RouteKeyHeader = "X-Sandbox-Route-Key";

    public InvocationOutcome Invoke(ApiV2Record api, Invocation call)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(call);
        var connectionId = env.Ids.Alphanumeric(16);
        if (!api.Stages.TryGetValue(call.Stage, out var stage))
        {
            return new(InvocationOutcome.Json(403, Message("Forbidden", connectionId, call.RequestId)), []);
        }

        var key = call.Headers.FirstOrDefault(h => h.Key.Equals(RouteKeyHeader, StringComparison.OrdinalIgnoreCase)).Value
            ?? SelectRouteKey(api.Api.RouteSelectionExpression, call.Body);
        var route = api.Routes.Values.FirstOrDefault(r => r.RouteKey == key) ?? api.Routes.Values.FirstOrDefault(r => r.RouteKey == "$default");
        if (route is null)
        {
            return new(InvocationOutcome.Json(403, Message("Forbidden", connectionId, call.RequestId)), []);
        }

        var log = new ExecutionLog(call.RequestId)
            .Info(ExecutionLogText.ExtendedRequestId(call.ExtendedRequestId))
            .Info(ExecutionLogText.VerifyingUsagePlan(call.RequestId, call.ApiId, call.Stage))
            .Info(ExecutionLogText.ApiKeyNotRequired("route", route.RouteKey!))
            .Info(ExecutionLogText.UsagePlanSucceeded(call.ApiId, call.Stage))
            .Info(ExecutionLogText.StartingExecution(call.RequestId))
            .Info(ExecutionLogText.WebSocketRoute(route.RouteKey!));
        var integration = route.Target is { } target && target.StartsWith("integrations/", StringComparison.Ordinal)
            ? api.Integrations.GetValueOrDefault(target["integrations/".Length..])
            : null;
        var sourceArn = $"arn:aws:execute-api:{env.Region}:{env.AccountId}:{call.ApiId}/{call.Stage}/{route.RouteKey}";
        var check = integration is { IntegrationType: "AWS" or "AWS_PROXY" }
            ? LambdaInvokeCheck.Check(env, integration.IntegrationUri, stage.StageVariables, sourceArn, integration.CredentialsArn)
            : new InvokeCheck(InvokeVerdict.NotLambda, null, "$LATEST");
        if (check.Sent)
        {
            var payload = new System.Text.Json.Nodes.JsonObject
            {
                ["requestContext"] = new System.Text.Json.Nodes.JsonObject { ["routeKey"] = route.RouteKey, ["connectionId"] = connectionId, ["stage"] = call.Stage, ["apiId"] = call.ApiId, ["requestId"] = call.RequestId },
                ["body"] = call.Body,
                ["isBase64Encoded"] = false,
            };
            IntegrationLines.Request(log, env, call, check.FunctionArn, sourceArn, payload);
        }

        Http.SandboxResponse response;
        if (check.Failed)
        {
            IntegrationLines.Failure(log, env, check);
            log.Info(ExecutionLogText.MethodCompleted(500));
            response = InvocationOutcome.Json(500, Message("Internal server error", connectionId, call.RequestId));
        }
        else
        {
            var body = InvocationOutcome.CannedBody(check.FunctionArn ?? "MOCK", check.ExecutedVersion);
            IntegrationLines.Success(log, env, check.ExecutedVersion, body);
            log.Info(ExecutionLogText.SuccessfullyCompleted).Info(ExecutionLogText.MethodCompleted(200));
            response = InvocationOutcome.Json(200, body);
        }

        var level = stage.RouteSettings?.GetValueOrDefault(route.RouteKey!)?.LoggingLevel ?? stage.DefaultRouteSettings?.LoggingLevel;
        var lines = log.Render(level);
        return new InvocationOutcome(response, lines.Count == 0 ? [] : [new LogWrite($"API-Gateway-Execution-Logs_{call.ApiId}/{call.Stage}", lines)]);
    }

    /// <summary>Evaluates <c>$request.body.a.b</c> against the message; anything else selects <c>$default</c>.</summary>
    public static string SelectRouteKey(string? expression, string body)
    {
        const string prefix = "$request.body.";
        if (expression is null || !expression.StartsWith(prefix, StringComparison.Ordinal))
        {
            return "$default";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var element = document.RootElement;
            foreach (var name in expression[prefix.Length..].Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return "$default";
                }
            }

            return element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        }
        catch (JsonException)
        {
            return "$default";
        }
    }

    private static string Message(string message, string connectionId, string requestId) =>
        SandboxJson.Write(new System.Text.Json.Nodes.JsonObject { ["message"] = message, ["connectionId"] = connectionId, ["requestId"] = requestId });
}
