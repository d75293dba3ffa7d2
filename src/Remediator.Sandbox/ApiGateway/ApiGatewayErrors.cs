using Remediator.Sandbox.Http;
using Remediator.Sandbox.Tagging;

namespace Remediator.Sandbox.ApiGateway;

/// <summary>API Gateway's errors (v1 and v2): <c>{"message": ...}</c> with the code in <c>X-Amzn-Errortype</c>.</summary>
internal static class ApiGatewayErrors
{
    public static ServiceError NotFound(string message) => new(404, "NotFoundException", message);

    public static ServiceError BadRequest(string message) => new(400, "BadRequestException", message);

    public static ServiceError Conflict(string message) => new(409, "ConflictException", message);

    public static ServiceError ApiNotFound(string accountId, string apiId) => NotFound($"Invalid API identifier specified {accountId}:{apiId}");

    public static ServiceError ResourceNotFound() => NotFound("Invalid Resource identifier specified");

    /// <summary>
    /// The refusal of an <c>aws:</c> tag key, with API Gateway's own message as SDK users have reported it for REST APIs
    /// (assumed the same for v2, and for UntagResource).
    /// </summary>
    public static ServiceError ReservedTagKey() => BadRequest("Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive)");

    /// <summary>The refusal of tags a caller may not set (<c>aws:</c> keys, keys or values out of bounds); null when they may.</summary>
    public static ServiceError? InvalidTags(IReadOnlyDictionary<string, string>? tags)
    {
        if (TagRules.FirstReserved(tags?.Keys) is not null)
        {
            return ReservedTagKey();
        }

        return TagRules.Oversized(tags) is { } problem ? BadRequest($"Invalid tags: {problem}") : null;
    }
}
