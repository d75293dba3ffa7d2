using Remediator.Core.Diagnosis;
using Remediator.Core.Notifications;
using Remediator.Core.Verification;

namespace Remediator.Core.Decisions;

/// <summary>What each kind calls for before any verification (docs/ARCHITECTURE.md, "Failure catalogue").</summary>
public static class KindRules
{
    private const string ProxyShape = "{\"statusCode\": int, \"headers\": {...}, \"body\": \"string\", \"isBase64Encoded\": bool}";
    private const string PackageAdvice = "make files world-readable (644) and directories 755, rebuild and redeploy";
    private const string HandlerAdvice = "check the Handler setting against the package";
    private const string FunctionErrorAdvice = "see the function's logs for the Lambda request id";
    private const string UnrecognizedAdvice = "answered 5xx for a reason outside Remediator's catalogue: see the evidence";

    /// <summary>True for the kinds a resource-policy grant can fix (after verification).</summary>
    public static bool IsPermissionKind(FindingKind kind) =>
        kind is FindingKind.MissingInvokePermission or FindingKind.AuthorizerInvokePermission;

    /// <summary>
    /// True for the 502 kinds the invoked function causes itself (its response, package, handler or code):
    /// every route that invokes the same function version fails the same way, so the function is the root cause.
    /// </summary>
    public static bool IsFunctionFault(FindingKind kind) =>
        kind is FindingKind.MalformedProxyResponse or FindingKind.PackagePermissionDenied or FindingKind.HandlerNotFound or FindingKind.FunctionError;

    /// <summary>The ticket for kinds that are never fixed by a grant, with the advice for people; null for permission kinds.</summary>
    public static Decision? TicketFor(FindingKind kind) => kind switch
    {
        FindingKind.MalformedProxyResponse => Decision.Ticket(
            OutcomeReason.ProxyResponse,
            $"the function's response is not a Lambda proxy response: it must return {ProxyShape}"),
        FindingKind.PackagePermissionDenied => Decision.Ticket(
            OutcomeReason.PackagePermissions,
            $"the Lambda runtime cannot read the deployment package: {PackageAdvice}"),
        FindingKind.HandlerNotFound => Decision.Ticket(
            OutcomeReason.Handler,
            $"the function's handler or its module cannot be found: {HandlerAdvice}"),
        FindingKind.FunctionError => Decision.Ticket(
            OutcomeReason.FunctionError,
            $"the function ran and failed with its own error: {FunctionErrorAdvice}"),
        FindingKind.Unrecognized => Decision.Ticket(
            OutcomeReason.UnrecognizedFailure,
            $"the API {UnrecognizedAdvice}"),
        _ => null,
    };

    /// <summary>
    /// The ticket for a kind no grant fixes once the control plane showed what served the request: it names
    /// the verified function (and, for a malformed response, quotes the body the log recorded). Null for
    /// permission kinds.
    /// </summary>
    /// <param name="loggedResponseBody">The logged "Endpoint response body before transformations", if any.</param>
    public static Decision? TicketFor(FindingKind kind, ResolvedTarget target, string? loggedResponseBody)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (TicketFor(kind) is not { } ticket)
        {
            return null;
        }

        string function = target.Lambda.Function?.Arn ?? "no Lambda function";
        string via = $"{target.Describe()} on stage {target.Stage}";
        string detail = kind switch
        {
            FindingKind.MalformedProxyResponse => $"function {function}, invoked by {via}, returned a response that is not a Lambda proxy response: it must return {ProxyShape}"
                + (loggedResponseBody is null
                    ? "; the logs did not include its response body (INFO-level execution logs do)"
                    : $"; it returned (quoted from the log): {UntrustedText.Quote(loggedResponseBody, DiagnosisLimits.MaxEvidenceChars)}"),
            FindingKind.PackagePermissionDenied => $"the Lambda runtime cannot read the deployment package of function {function}, invoked by {via}: {PackageAdvice}",
            FindingKind.HandlerNotFound => $"the handler of function {function}, invoked by {via}, or its module cannot be found: {HandlerAdvice}",
            FindingKind.FunctionError => $"function {function}, invoked by {via}, ran and failed with its own error: {FunctionErrorAdvice}",
            _ => target.Lambda.Function is null ? $"{via} {UnrecognizedAdvice}" : $"{via}, which invokes function {function}, {UnrecognizedAdvice}",
        };
        return ticket with { Detail = detail };
    }
}
