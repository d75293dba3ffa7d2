using Remediator.Core.Diagnosis;
using Remediator.Core.Notifications;
using Remediator.Core.Verification;

namespace Remediator.Core.Decisions;

/// <summary>What each kind calls for before any verification (docs/ARCHITECTURE.md, "Failure catalogue").</summary>
public static class KindRules
{
    private const string ProxyShape = "{\"statusCode\": int, \"headers\": {...}, \"body\": \"string\", \"isBase64Encoded\": bool}";
    private const string AuthorizerShape = "{\"principalId\": \"...\", \"policyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Action\": \"execute-api:Invoke\", \"Effect\": \"Allow\", \"Resource\": \"...\"}]}}";
    private const string UnrecognizedAdvice = "answered 5xx for a reason outside Remediator's catalogue: see the evidence";
    private const string TrustStatement = "{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"apigateway.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}";

    /// <summary>Every kind and its remedy, in catalogue order; the one place these texts are written.</summary>
    public static IReadOnlyList<KindRemedy> Remedies { get; } =
    [
        new(FindingKind.MissingInvokePermission, null, TargetKind.Integration, false,
            "API Gateway was refused when it invoked the integration's Lambda function",
            "verify the integration, then add the invoke permission, or ticket why not"),
        new(FindingKind.AuthorizerInvokePermission, null, TargetKind.Authorizer, false,
            "API Gateway was refused when it invoked the Lambda authorizer",
            "verify the Lambda authorizer, then add the invoke permission for `{apiId}/authorizers/{id}`, or ticket why not"),
        new(FindingKind.CredentialsRoleNotAssumable, OutcomeReason.RoleTrust, TargetKind.Integration, false,
            "API Gateway could not assume the integration's credentials role",
            $"the role's trust policy must let API Gateway assume it: add the statement {TrustStatement}"),
        new(FindingKind.AuthorizerCredentialsRoleNotAssumable, OutcomeReason.RoleTrust, TargetKind.Authorizer, false,
            "API Gateway could not assume the Lambda authorizer's credentials role",
            $"the role's trust policy must let API Gateway assume it: add the statement {TrustStatement}"),
        new(FindingKind.FunctionThrottled, OutcomeReason.FunctionThrottled, TargetKind.Integration, true,
            "Lambda throttled the function's invocation (the function never ran)",
            "raise the function's reserved concurrency (`aws lambda put-function-concurrency`; 0 throttles every call) or the account's concurrency quota, or slow the callers with stage throttling; the function's code and response are not the cause"),
        new(FindingKind.MalformedProxyResponse, OutcomeReason.ProxyResponse, TargetKind.Integration, true,
            "The Lambda function returned a malformed proxy response (502)",
            $"the function must return {ProxyShape}"),
        new(FindingKind.PackagePermissionDenied, OutcomeReason.PackagePermissions, TargetKind.Integration, true,
            "The Lambda runtime could not read the function's deployment package (502)",
            "make files world-readable (644) and directories 755, rebuild and redeploy"),
        new(FindingKind.HandlerNotFound, OutcomeReason.Handler, TargetKind.Integration, true,
            "The Lambda function's handler could not be found or its name is malformed (502)",
            "check the Handler setting (`file.function`, `Namespace::Class::Method`) against the package"),
        new(FindingKind.FunctionError, OutcomeReason.FunctionError, TargetKind.Integration, true,
            "The Lambda function failed with its own error",
            "see the function's logs for the Lambda request id"),
        new(FindingKind.IntegrationTimeout, OutcomeReason.IntegrationTimeout, TargetKind.Integration, true,
            "The integration did not answer within API Gateway's integration timeout (504)",
            "make the function answer within the integration timeout (29 seconds by default): shorten its work or cold start, or answer at once and finish asynchronously; REST regional and private APIs may raise the timeout after a quota increase"),
        new(FindingKind.IntegrationConfiguration, OutcomeReason.IntegrationConfiguration, TargetKind.Integration, false,
            "The integration's mapping template failed",
            "fix the integration's request mapping template (or its passthrough behavior and content types) for the requests it receives, then redeploy the stage"),
        new(FindingKind.AuthorizerConfiguration, OutcomeReason.IntegrationConfiguration, TargetKind.Authorizer, false,
            "The Lambda authorizer's answer is not a policy API Gateway can read",
            $"the authorizer's function must return {AuthorizerShape} and nothing else (an error document is not a policy)"),
        new(FindingKind.Unrecognized, OutcomeReason.UnrecognizedFailure, TargetKind.Integration, false,
            "The API answered with a 5xx that Remediator does not recognise",
            $"the API {UnrecognizedAdvice}"),
    ];

    /// <summary>The remedy of <paramref name="kind"/>.</summary>
    public static KindRemedy Of(FindingKind kind) =>
        Remedies.FirstOrDefault(remedy => remedy.Kind == kind)
        ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Every kind has a remedy.");

    /// <summary>True for the kinds a resource-policy grant can fix (after verification).</summary>
    public static bool IsPermissionKind(FindingKind kind) => Of(kind).Reason is null;

    /// <summary>
    /// True for the kinds the invoked function causes itself (its response, package, handler, code, concurrency or
    /// latency): every route that invokes the same function version fails the same way, so the function is the root cause.
    /// </summary>
    public static bool IsFunctionFault(FindingKind kind) => Of(kind).FunctionScoped;

    /// <summary>What failed: the integration, or the Lambda authorizer.</summary>
    public static TargetKind TargetOf(FindingKind kind) => Of(kind).Target;

    /// <summary>The ticket for kinds that are never fixed by a grant, with the advice for people; null for permission kinds.</summary>
    public static Decision? TicketFor(FindingKind kind) => Of(kind) switch
    {
        { Reason: null } => null,
        { Kind: FindingKind.Unrecognized } unrecognized => Decision.Ticket(unrecognized.Reason!.Value, unrecognized.Remedy),
        var remedy => Decision.Ticket(remedy.Reason!.Value, $"{Lower(remedy.WhatFailed)}: {remedy.Remedy}"),
    };

    /// <summary>
    /// The ticket for a kind no grant fixes once the control plane showed what served the request: it names
    /// the verified function, integration, authorizer or role (and quotes what the log recorded). Null for
    /// permission kinds.
    /// </summary>
    /// <param name="loggedResponseBody">The logged "Endpoint response body before transformations", if any.</param>
    /// <param name="fact">A sentence of what else the control plane said (a throttled function's reserved concurrency), if any.</param>
    public static Decision? TicketFor(FindingKind kind, ResolvedTarget target, string? loggedResponseBody, string? fact = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (TicketFor(kind) is not { } ticket)
        {
            return null;
        }

        string remedy = Of(kind).Remedy;
        string function = target.Lambda.Function?.Arn ?? "no Lambda function";
        string via = $"{target.Describe()} on stage {target.Stage}";
        string authorizer = $"{target.Describe()} of API {target.Api.ApiId}";
        string detail = kind switch
        {
            FindingKind.MalformedProxyResponse => $"function {function}, invoked by {via}, returned a response that is not a Lambda proxy response: it must return {ProxyShape}"
                + (loggedResponseBody is null
                    ? "; the logs did not include its response body (INFO-level execution logs do)"
                    : $"; it returned (quoted from the log): {UntrustedText.Quote(loggedResponseBody, DiagnosisLimits.MaxEvidenceChars)}"),
            FindingKind.PackagePermissionDenied => $"the Lambda runtime cannot read the deployment package of function {function}, invoked by {via}: {remedy}",
            FindingKind.HandlerNotFound => $"the handler of function {function}, invoked by {via}, or its module cannot be found, or its name is malformed: {remedy}",
            FindingKind.FunctionError => $"function {function}, invoked by {via}, ran and failed with its own error: {remedy}",
            FindingKind.FunctionThrottled => $"Lambda throttled function {function}, invoked by {via}, so the function never ran"
                + (ThrottleReason(loggedResponseBody) is { } reason ? $" (Lambda's reason, as logged: {reason})" : string.Empty)
                + (fact is null ? string.Empty : $". {fact}")
                + $"; {remedy}",
            FindingKind.IntegrationTimeout => $"{via}, which invokes function {function}, did not answer within its integration timeout: {remedy}",
            FindingKind.CredentialsRoleNotAssumable => $"API Gateway cannot assume role {target.Credentials}, the credentials of {via}: {remedy}",
            FindingKind.AuthorizerCredentialsRoleNotAssumable => $"API Gateway cannot assume role {target.Credentials}, the credentials of {authorizer}: {remedy}",
            FindingKind.IntegrationConfiguration => $"the mapping template of {via} failed: {remedy}",
            FindingKind.AuthorizerConfiguration => $"{authorizer}, function {function}, answered with something that is not an authorizer response: {remedy}",
            _ => target.Lambda.Function is null ? $"{via} {UnrecognizedAdvice}" : $"{via}, which invokes function {function}, {UnrecognizedAdvice}",
        };
        return ticket with { Detail = detail };
    }

    // Lambda's reason, from the allow-list only: the logged body is the log's word, never quoted as free text here.
    private static string? ThrottleReason(string? loggedResponseBody) =>
        loggedResponseBody is null ? null : LambdaThrottle.ReasonOf(loggedResponseBody);

    // "The function ..." continues a sentence as "the function ..."; names such as "API Gateway" keep their case.
    private static string Lower(string sentence) => sentence.StartsWith("The ", StringComparison.Ordinal) ? "the " + sentence[4..] : sentence;
}
