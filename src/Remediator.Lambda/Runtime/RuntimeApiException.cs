namespace Remediator.Lambda.Runtime;

/// <summary>The Runtime API refused a call or answered something the runtime cannot use. Not
/// recoverable inside the process: the loop ends and Lambda starts a fresh environment.</summary>
public sealed class RuntimeApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuntimeApiException(string message, int? statusCode = null)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception.</summary>
    public RuntimeApiException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>HTTP status of the refusing response, when there was one.</summary>
    public int? StatusCode { get; }
}
