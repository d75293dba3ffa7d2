namespace Remediator.Lambda.Runtime;

/// <summary>The Lambda Runtime API. Every method throws <see cref="RuntimeApiException"/> when the API
/// refuses or answers something unusable.</summary>
public interface IRuntimeApiClient
{
    /// <summary>Long-polls for the next invocation; returns when Lambda has one.</summary>
    Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken);

    /// <summary>Completes an invocation successfully.</summary>
    Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Fails an invocation.</summary>
    Task SendErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken);

    /// <summary>Reports a failed start; the process should exit afterwards.</summary>
    Task SendInitErrorAsync(RuntimeError error, CancellationToken cancellationToken);
}
