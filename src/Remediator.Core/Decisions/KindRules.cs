using Remediator.Core.Diagnosis;

namespace Remediator.Core.Decisions;

/// <summary>What the failure catalogue (DESIGN.md §2) says to do with each kind before any verification.</summary>
public static class KindRules
{
    /// <summary>True for the kinds a resource-policy grant can fix (after verification).</summary>
    public static bool IsPermissionKind(FindingKind kind) =>
        kind is FindingKind.MissingInvokePermission or FindingKind.AuthorizerInvokePermission;

    /// <summary>The ticket for kinds that are never fixed by a grant, with the advice for people; null for permission kinds.</summary>
    public static Decision? TicketFor(FindingKind kind) => kind switch
    {
        FindingKind.MalformedProxyResponse => Decision.Ticket(
            OutcomeReason.ProxyResponse,
            "the function's response is not a Lambda proxy response: it must return {\"statusCode\": int, \"headers\": {...}, \"body\": \"string\", \"isBase64Encoded\": bool}"),
        FindingKind.PackagePermissionDenied => Decision.Ticket(
            OutcomeReason.PackagePermissions,
            "the Lambda runtime cannot read the deployment package: make files world-readable (644) and directories 755, rebuild and redeploy"),
        FindingKind.HandlerNotFound => Decision.Ticket(
            OutcomeReason.Handler,
            "the function's handler or its module cannot be found: check the Handler setting against the package"),
        FindingKind.FunctionError => Decision.Ticket(
            OutcomeReason.FunctionError,
            "the function ran and failed with its own error: see the function's logs for the Lambda request id"),
        FindingKind.Unrecognized => Decision.Ticket(
            OutcomeReason.UnrecognizedFailure,
            "the API answered 5xx for a reason outside Remediator's catalogue: see the evidence"),
        _ => null,
    };
}
