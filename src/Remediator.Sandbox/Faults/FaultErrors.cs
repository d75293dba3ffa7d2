using System.Text.Json.Nodes;
using Remediator.Sandbox.Http;

namespace Remediator.Sandbox.Faults;

/// <summary>Each service's own throttling, server-fault and access-denied errors, in the shapes its clients parse.</summary>
internal static class FaultErrors
{
    public static ServiceError For(string service, string operation, FaultKind kind) =>
        kind == FaultKind.AccessDenied ? AccessDenied(service, operation) : Failure(service, kind);

    private static ServiceError Failure(string service, FaultKind kind) => (service, kind) switch
    {
        ("lambda", FaultKind.Throttle) => new ServiceError(429, "TooManyRequestsException", "Rate exceeded")
        {
            RetryAfter = "1",
            Extra = new Dictionary<string, JsonNode?> { ["Type"] = "User", ["Reason"] = "CallerRateLimitExceeded" },
        },
        ("lambda", _) => new ServiceError(500, "ServiceException", "An error occurred and the request cannot be processed.")
        {
            MessageKey = "Message",
            Extra = new Dictionary<string, JsonNode?> { ["Type"] = "Service" },
        },
        ("apigateway" or "apigatewayv2", FaultKind.Throttle) => new ServiceError(429, "TooManyRequestsException", "Too Many Requests") { RetryAfter = "1" },
        ("apigateway" or "apigatewayv2", _) => new ServiceError(503, "ServiceUnavailableException", "Service Unavailable") { RetryAfter = "1" },

        // CloudWatch Logs answers 400 with {"__type":"ThrottlingException","message":"Rate exceeded"} (as reported in
        // github.com/maxbanton/cwh/issues/120; botocore's _retry.json retries ThrottlingException on HTTP 400).
        ("logs" or "ssm", FaultKind.Throttle) => new ServiceError(400, "ThrottlingException", "Rate exceeded"),
        ("logs", _) => new ServiceError(500, "ServiceUnavailableException", "The service cannot complete the request."),
        ("ssm", _) => new ServiceError(500, "InternalServerError", "An internal error occurred."),
        (_, FaultKind.Throttle) => new ServiceError(400, "Throttling", "Rate exceeded"),
        ("sns", _) => new ServiceError(500, "InternalError", "Internal Error"),
        _ => new ServiceError(500, "InternalFailure", "An internal error occurred."),
    };

    // IAM's refusal: 403 for the REST and query services, 400 for the JSON 1.1 ones (CloudWatch Logs, SSM).
    private static ServiceError AccessDenied(string service, string operation)
    {
        string message = $"User: arn:aws:sts::000000000000:assumed-role/remediator/session is not authorized to perform: {service}:{operation}";
        return service switch
        {
            "lambda" => new ServiceError(403, "AccessDeniedException", message) { MessageKey = "Message" },
            "logs" or "ssm" => new ServiceError(400, "AccessDeniedException", message),
            "sns" => new ServiceError(403, "AuthorizationError", message),
            "sts" => new ServiceError(403, "AccessDenied", message),
            _ => new ServiceError(403, "AccessDeniedException", message),
        };
    }
}
