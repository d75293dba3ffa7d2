using Remediator.Core.Intake;

namespace Remediator.Lambda.Handling;

/// <summary>
/// The payload is not a usable CloudWatch Logs subscription payload. The engine has already recorded the
/// one outcome that says why; throwing fails the invocation so Lambda's on-failure destination keeps the
/// original payload for a person to inspect (docs/ARCHITECTURE.md, "Safety rules" 11).
/// </summary>
public sealed class InvalidPayloadException : Exception
{
    /// <summary>Creates the exception for an intake refusal.</summary>
    public InvalidPayloadException(IntakeError error)
        : base($"Invalid subscription payload ({error.Code}): {error.Message}")
    {
        Error = error;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidPayloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidPayloadException()
        : base("Invalid subscription payload.")
    {
    }

    /// <summary>Why intake refused the payload, when known.</summary>
    public IntakeError? Error { get; }
}
