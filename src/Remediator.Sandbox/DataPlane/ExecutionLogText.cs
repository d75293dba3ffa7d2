namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// The texts API Gateway writes to execution logs (REST and WebSocket) and HTTP API access-log error fields,
/// in one place. Each CloudWatch event is one line, prefixed with <c>(requestId) </c> and cut at 1 KB.
/// </summary>
internal static class ExecutionLogText
{
    /// <summary>API Gateway cuts each execution-log event at this many characters.</summary>
    public const int MaxEventLength = 1024;

    public const string Truncated = " [TRUNCATED]";
    /// <summary>
    /// What REST and WebSocket execution logs say when Lambda refuses API Gateway's call, after
    /// "Sending request to ..." and before "Method completed with status: 500" (AWS Knowledge Center,
    /// "Invalid permissions on Lambda function" errors from REST APIs). AWS names two fixes for it: a resource
    /// policy, or an IAM role that may invoke the function. So the text is the same whether the resource policy
    /// refuses or the integration's role lacks <c>lambda:InvokeFunction</c>. For a function in another account,
    /// the refusal comes from that account's resource policy, which has not granted the call.
    /// </summary>
    public const string InvalidPermissions = "Execution failed due to configuration error: Invalid permissions on Lambda function";

    /// <summary>
    /// UNCONFIRMED: the line for a function or alias that does not exist, called without a role. No AWS source found
    /// shows it. The failure catalogue (docs/ARCHITECTURE.md, "Failure catalogue") has no separate "not found"
    /// evidence. Lambda authorizes before it resolves (callers without permission get AccessDenied, not
    /// ResourceNotFound), and a resource that does not exist has no policy to allow the call. So the sandbox
    /// writes the permission failure.
    /// </summary>
    public const string MissingFunctionRefusal = InvalidPermissions;

    /// <summary>UNCONFIRMED: the HTTP API counterpart of <see cref="MissingFunctionRefusal"/>, for the same reasons.</summary>
    public const string HttpApiMissingFunctionRefusal = HttpApiIntegrationPermission;
    public const string AuthorizerError = "Execution failed due to configuration error: Authorizer error";
    public const string SuccessfullyCompleted = "Successfully completed execution";
    public const string AuthorizerCompleted = "Successfully completed authorizer execution";

    /// <summary>
    /// HTTP API <c>$context.integrationErrorMessage</c> when API Gateway may not call the function (AWS Knowledge
    /// Center, HTTP API permission errors). The text names the integration's IAM role, so it also covers
    /// <c>credentialsArn</c>.
    /// </summary>
    public const string HttpApiIntegrationPermission =
        "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.";

    /// <summary>
    /// What REST and WebSocket execution logs say after <see cref="LambdaInvocationFailed"/> with status 429, when
    /// Lambda throttled the call: the configuration-error prefix and the message of Lambda's answer (its
    /// <c>TooManyRequestsException</c> says <c>Rate Exceeded.</c>). The lines as published: see
    /// tests/Remediator.Core.Tests/Fixtures/messages/rest-throttled-rate-exceeded.json.
    /// </summary>
    public const string RateExceeded = "Execution failed due to configuration error: Rate Exceeded.";

    /// <summary>
    /// HTTP API <c>$context.integrationErrorMessage</c> when API Gateway cannot assume the integration's role, with the
    /// typographic apostrophe real lines carry (a public report, see
    /// tests/Remediator.Core.Tests/Fixtures/messages/http-clf-role-not-assumable.json).
    /// </summary>
    public const string HttpApiRoleNotAssumable =
        "API Gateway doesn\u2019t have permissions to assume the IAM role configured on the integration. Check the permissions and try again.";

    /// <summary>UNCONFIRMED: the HTTP API <c>integrationErrorMessage</c> of a throttled call; no source shows it, so Remediator does not read it.</summary>
    public const string HttpApiThrottled = "Rate Exceeded.";

    /// <summary>What REST execution logs say when API Gateway cannot assume an integration's or authorizer's credentials role.</summary>
    public static string RoleNotAssumable(string roleArn) =>
        $"Execution failed due to configuration error: API Gateway does not have permission to assume the provided role {roleArn}";

    /// <summary>The execution-log failure text of a failed call (what REST access logs carry as the integration error).</summary>
    public static string FailureText(InvokeCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Verdict switch
        {
            InvokeVerdict.Throttled => RateExceeded,
            InvokeVerdict.RoleNotAssumable => RoleNotAssumable(check.RoleArn ?? "-"),
            InvokeVerdict.FunctionNotFound => FunctionNotFound(check.FunctionArn ?? "-"),
            _ => Refusal(check.Denial ?? InvokeDenial.PolicyDoesNotAllow),
        };
    }

    public static string ExtendedRequestId(string id) => $"Extended Request Id: {id}";

    public static string VerifyingUsagePlan(string requestId, string apiId, string stage) =>
        $"Verifying Usage Plan for request: {requestId}. API Key: API Stage: {apiId}/{stage}";

    public static string ApiKeyNotRequired(string kind, string name) =>
        $"API Key authorized because {kind} '{name}' does not require API Key. Request will not contribute to throttle or quota limits";

    public static string UsagePlanSucceeded(string apiId, string stage) => $"Usage Plan check succeeded for API Key and API Stage {apiId}/{stage}";

    public static string StartingExecution(string requestId) => $"Starting execution for request: {requestId}";

    public static string StartingAuthorizer(string authorizerId, string requestId) => $"Starting authorizer: {authorizerId} for request: {requestId}";

    public static string HttpMethod(string method, string path) => $"HTTP Method: {method}, Resource Path: {path}";

    public static string WebSocketRoute(string routeKey) => $"WebSocket Request Route: [{routeKey}]";

    public static string MethodRequestPath(string map) => $"Method request path: {map}";

    public static string MethodRequestQuery(string map) => $"Method request query string: {map}";

    public static string MethodRequestHeaders(string map) => $"Method request headers: {map}";

    public static string MethodRequestBody(string body) => $"Method request body before transformations: {body}";

    public static string EndpointUri(string uri) => $"Endpoint request URI: {uri}";

    public static string EndpointHeaders(string map) => $"Endpoint request headers: {map}";

    public static string EndpointBody(string body) => $"Endpoint request body after transformations: {body}";

    public static string SendingRequest(string uri) => $"Sending request to {uri}";

    public static string ReceivedResponse(int status, int latencyMs) => $"Received response. Status: {status}, Integration latency: {latencyMs} ms";

    public static string EndpointResponseHeaders(string map) => $"Endpoint response headers: {map}";

    public static string EndpointResponseBody(string body) => $"Endpoint response body before transformations: {body}";

    public static string MethodResponseBody(string body) => $"Method response body after transformations: {body}";

    public static string MethodResponseHeaders(string map) => $"Method response headers: {map}";

    public static string LambdaInvocationFailed(int status, string lambdaRequestId) => $"Lambda invocation failed with status: {status}. Lambda request id: {lambdaRequestId}";

    /// <summary>
    /// UNCONFIRMED: what follows <see cref="LambdaInvocationFailed"/> when a role that may invoke the ARN meets a
    /// function or alias that does not exist (Lambda's 404 says "Function not found: ARN"). It follows the
    /// documented 403 sequence, which logs "Lambda invocation failed with status: 403" and then a configuration
    /// error line.
    /// </summary>
    public static string FunctionNotFound(string functionArn) => $"Execution failed due to configuration error: Function not found: {functionArn}";

    /// <summary>The execution-log line for a refusal (the same text for every <see cref="InvokeDenial"/>, see above).</summary>
    public static string Refusal(InvokeDenial denial) =>
        denial is InvokeDenial.FunctionMissing or InvokeDenial.QualifierMissing ? MissingFunctionRefusal : InvalidPermissions;

    /// <summary>The HTTP API <c>integrationErrorMessage</c> for a refusal.</summary>
    public static string HttpApiRefusal(InvokeDenial denial) =>
        denial is InvokeDenial.FunctionMissing or InvokeDenial.QualifierMissing ? HttpApiMissingFunctionRefusal : HttpApiIntegrationPermission;

    public static string MethodCompleted(int status) => $"Method completed with status: {status}";

    /// <summary>The Lambda invoke endpoint API Gateway calls for a function.</summary>
    public static string InvocationUri(string region, string functionArn) =>
        $"https://lambda.{region}.amazonaws.com/2015-03-31/functions/{functionArn}/invocations";

    /// <summary>A Java-style map, the way execution logs print parameters and headers: <c>{a=1, b=2}</c>.</summary>
    public static string Map(IEnumerable<KeyValuePair<string, string>> entries) =>
        "{" + string.Join(", ", entries.Select(e => $"{e.Key}={e.Value}")) + "}";
}
