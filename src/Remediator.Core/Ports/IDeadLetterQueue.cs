namespace Remediator.Core.Ports;

/// <summary>The queue where Lambda puts the invocations Remediator could not process (its on-failure destination).</summary>
public interface IDeadLetterQueue
{
    /// <summary>Up to <paramref name="maxMessages"/> messages (at most 10), each hidden from other readers for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<DeadLetter>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Removes a message received before, by its receipt handle.</summary>
    Task DeleteAsync(DeadLetter message, CancellationToken cancellationToken);
}
