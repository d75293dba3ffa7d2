namespace Remediator.Core.Intake;

/// <summary>Why a payload was refused. Stable names: they appear in logs and metrics.</summary>
public enum IntakeErrorCode
{
    /// <summary>No bytes, or only whitespace.</summary>
    Empty,

    /// <summary>Not well-formed JSON (the envelope or the decompressed message).</summary>
    InvalidJson,

    /// <summary>A required field is absent.</summary>
    MissingField,

    /// <summary>A field has the wrong JSON type.</summary>
    WrongType,

    /// <summary>A field has the right type but a value outside the wire format (unknown messageType, duplicate key).</summary>
    InvalidValue,

    /// <summary><c>awslogs.data</c> is not valid base64.</summary>
    InvalidBase64,

    /// <summary>The decoded data is not a complete, intact gzip stream.</summary>
    InvalidGzip,

    /// <summary>The payload or its decompressed message exceeds <see cref="IntakeLimits"/>.</summary>
    TooLarge,

    /// <summary>More log events than <see cref="IntakeLimits.MaxEvents"/>.</summary>
    TooManyEvents,
}
