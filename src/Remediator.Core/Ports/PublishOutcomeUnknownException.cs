namespace Remediator.Core.Ports;

/// <summary>
/// A Publish whose request may have reached SNS but whose answer never came (a timeout, a connection lost after
/// sending): SNS may have delivered it, so it is counted as sent and never repeated (docs/ARCHITECTURE.md, "Ledger
/// and root-cause key", Notifications).
/// </summary>
public sealed class PublishOutcomeUnknownException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PublishOutcomeUnknownException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PublishOutcomeUnknownException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that left the outcome unknown.</summary>
    public PublishOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
