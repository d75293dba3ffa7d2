using Remediator.Sandbox.Http;

namespace Remediator.Sandbox.ApiGateway;

/// <summary>API Gateway's errors (v1 and v2): <c>{"message": ...}</c> with the code in <c>X-Amzn-Errortype</c>.</summary>
internal static class ApiGatewayErrors
{
    public static ServiceError NotFound(string message) => new(404, "NotFoundException", message);

    public static ServiceError BadRequest(string message) => new(400, "BadRequestException", message);

    public static ServiceError Conflict(string message) => new(409, "ConflictException", message);

    public static ServiceError ApiNotFound(string accountId, string apiId) => NotFound($"Invalid API identifier specified {accountId}:{apiId}");
}
