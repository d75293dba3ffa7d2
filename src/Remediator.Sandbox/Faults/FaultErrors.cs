using System.Text.Json.Nodes;
using Remediator.Sandbox.Http;

namespace Remediator.Sandbox.Faults;

/// <summary>Each service's own throttling and server-fault errors, as its clients expect to retry them.</summary>
internal static class FaultErrors
{
    public static ServiceError For(string service, FaultKind kind) => (service, kind) switch
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
        ("logs" or "ssm", FaultKind.Throttle) => new ServiceError(400, "ThrottlingException", "Rate exceeded"),
        ("logs", _) => new ServiceError(500, "ServiceUnavailableException", "The service cannot complete the request."),
        ("ssm", _) => new ServiceError(500, "InternalServerError", "An internal error occurred."),
        (_, FaultKind.Throttle) => new ServiceError(400, "Throttling", "Rate exceeded"),
        ("sns", _) => new ServiceError(500, "InternalError", "Internal Error"),
        _ => new ServiceError(500, "InternalFailure", "An internal error occurred."),
    };
}
