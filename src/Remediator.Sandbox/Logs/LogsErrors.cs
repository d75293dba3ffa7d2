using Remediator.Sandbox.Http;

namespace Remediator.Sandbox.Logs;

/// <summary>CloudWatch Logs' errors: <c>{"__type": ..., "message": ...}</c>, all 400.</summary>
internal static class LogsErrors
{
    public static ServiceError GroupNotFound() => new(400, "ResourceNotFoundException", "The specified log group does not exist.");

    public static ServiceError Invalid(string message) => new(400, "InvalidParameterException", message);

    public static ServiceError Serialization(string detail) => new(400, "SerializationException", detail);
}
