using System.Text.Json.Nodes;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.Tagging;

namespace Remediator.Sandbox.Lambda;

/// <summary>Lambda's errors with the codes, statuses, member names and messages the service uses.</summary>
internal static class LambdaErrors
{
    /// <summary>Policies larger than this many bytes are refused.</summary>
    public const int PolicySizeLimit = 20480;

    public static ServiceError FunctionNotFound(string arn) => NotFound($"Function not found: {arn}");

    public static ServiceError NotFound(string message) =>
        new ServiceError(404, "ResourceNotFoundException", message) { MessageKey = "Message" }.With("Type", "User");

    public static ServiceError Conflict(string message) => User(409, "ResourceConflictException", message);

    public static ServiceError RevisionMismatch() => User(
        412,
        "PreconditionFailedException",
        "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");

    public static ServiceError PolicyTooLarge(int size) =>
        User(400, "PolicyLengthExceededException", $"The final policy size ({size}) is bigger than the limit ({PolicySizeLimit}).");

    public static ServiceError InvalidParameter(string message) => User(400, "InvalidParameterValueException", message);

    public static ServiceError Validation(string message) => User(400, "ValidationException", message);

    public static ServiceError BadContent(string detail) =>
        User(400, "InvalidRequestContentException", $"Could not parse request body into json: {detail}");

    /// <summary>
    /// The refusal of tags a caller may not set: <c>aws:</c> keys (Lambda's InvalidParameterValueException; the message
    /// text is not confirmed against AWS) and keys or values out of bounds.
    /// </summary>
    public static ServiceError? InvalidTags(IReadOnlyDictionary<string, string>? tags)
    {
        if (TagRules.FirstReserved(tags?.Keys) is { } reserved)
        {
            return InvalidParameter($"Invalid tag key {reserved}: customers cannot set tag keys starting with aws: (case insensitive).");
        }

        return TagRules.Oversized(tags) is { } problem ? InvalidParameter($"Invalid tags: {problem}.") : null;
    }

    public static ServiceError UnknownOperation() => new(404, "UnknownOperationException", "Unknown operation");

    private static ServiceError User(int status, string code, string message) =>
        new ServiceError(status, code, message).With("Type", (JsonNode)"User");
}
