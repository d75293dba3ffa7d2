using System.Globalization;
using System.Text.Json.Nodes;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.DataPlane;

/// <summary>The execution-log lines around a Lambda call, shared by REST, WebSocket and authorizer calls.</summary>
internal static class IntegrationLines
{
    /// <summary>Endpoint URI, headers and body, then "Sending request to", as API Gateway logs before calling Lambda.</summary>
    public static void Request(ExecutionLog log, SandboxEnvironment env, Invocation call, string functionArn, string sourceArn, JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(call);
        var uri = ExecutionLogText.InvocationUri(env.Region, functionArn);
        log.Info(ExecutionLogText.EndpointUri(uri));
        log.Info(ExecutionLogText.EndpointHeaders(ExecutionLogText.Map(
        [
            new("x-amzn-lambda-integration-tag", call.RequestId),
            new("Authorization", "*****************************************" + env.Ids.Hex(6)),
            new("X-Amz-Date", call.Time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)),
            new("x-amzn-apigateway-api-id", call.ApiId),
            new("X-Amz-Source-Arn", sourceArn),
            new("Accept", "application/json"),
            new("User-Agent", $"AmazonAPIGateway_{call.ApiId}"),
        ])));
        log.Info(ExecutionLogText.EndpointBody(SandboxJson.Write(payload)));
        log.Info(ExecutionLogText.SendingRequest(uri));
    }

    /// <summary>The lines of a successful Lambda proxy call returning <paramref name="body"/>.</summary>
    public static void Success(ExecutionLog log, SandboxEnvironment env, string version, string body)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(env);
        log.Info(ExecutionLogText.ReceivedResponse(200, 12));
        log.Info(ExecutionLogText.EndpointResponseHeaders(ExecutionLogText.Map(
        [
            new("Date", env.Now.ToString("R", CultureInfo.InvariantCulture)),
            new("Content-Type", "application/json"),
            new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)),
            new("Connection", "keep-alive"),
            new("x-amzn-RequestId", env.Ids.Guid()),
            new("X-Amz-Executed-Version", version),
        ])));
        log.Info(ExecutionLogText.EndpointResponseBody(body));
    }

    /// <summary>The lines of a refused or failed Lambda call.</summary>
    public static void Failure(ExecutionLog log, SandboxEnvironment env, InvokeCheck check)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(check);
        switch (check.Verdict)
        {
            case InvokeVerdict.FunctionNotFound:
                log.Error(ExecutionLogText.LambdaInvocationFailed(404, env.Ids.Guid()));
                break;
            case InvokeVerdict.Throttled:
                log.Error(ExecutionLogText.LambdaInvocationFailed(429, env.Ids.Guid()));
                break;
            default:
                break;
        }

        log.Error(ExecutionLogText.FailureText(check));
    }

    /// <summary>The Lambda proxy event API Gateway would send (REST payload format 1.0).</summary>
    public static JsonObject ProxyEvent(Invocation call, string resourcePath, IReadOnlyDictionary<string, string> pathParameters, IReadOnlyDictionary<string, string>? stageVariables, string accountId)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new JsonObject
        {
            ["resource"] = resourcePath,
            ["path"] = call.Path,
            ["httpMethod"] = call.Method,
            ["headers"] = Object(call.Headers),
            ["queryStringParameters"] = call.Query.Count == 0 ? null : Object(call.Query),
            ["pathParameters"] = pathParameters.Count == 0 ? null : Object(pathParameters),
            ["stageVariables"] = stageVariables is null ? null : Object(stageVariables),
            ["requestContext"] = new JsonObject
            {
                ["resourcePath"] = resourcePath,
                ["httpMethod"] = call.Method,
                ["path"] = $"/{call.Stage}{call.Path}",
                ["accountId"] = accountId,
                ["stage"] = call.Stage,
                ["requestId"] = call.RequestId,
                ["extendedRequestId"] = call.ExtendedRequestId,
                ["apiId"] = call.ApiId,
            },
            ["body"] = call.Body.Length == 0 ? null : call.Body,
            ["isBase64Encoded"] = false,
        };
    }

    private static JsonObject Object(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var result = new JsonObject();
        foreach (var (key, value) in entries)
        {
            result[key] = value;
        }

        return result;
    }
}
