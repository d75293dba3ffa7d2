namespace Remediator.Core.Observability;

/// <summary>The levels Lambda's JSON log format understands that Remediator uses.</summary>
public enum LogLevel
{
    /// <summary><c>INFO</c>.</summary>
    Info,

    /// <summary><c>WARN</c>.</summary>
    Warn,

    /// <summary><c>ERROR</c>.</summary>
    Error,
}
