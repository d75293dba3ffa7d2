namespace Remediator.Lambda.Runtime;

/// <summary>Handles one invocation. Throwing fails the invocation (so Lambda retries it); the token is
/// cancelled a safety margin before the deadline and when the process stops.</summary>
public interface IInvocationHandler
{
    /// <summary>Returns the response payload bytes.</summary>
    Task<ReadOnlyMemory<byte>> HandleAsync(Invocation invocation, CancellationToken cancellationToken);
}
