using System.Collections.Concurrent;
using Remediator.Core.Configuration;
using Remediator.Lambda.Runtime;

namespace Remediator.Lambda.Tests.TestSupport;

/// <summary>A handler that records each invocation (and the trace id it saw in the environment) and
/// then does what the test tells it: by default it echoes the payload.</summary>
public sealed class RecordingInvocationHandler : IInvocationHandler
{
    private readonly Func<Invocation, CancellationToken, Task<ReadOnlyMemory<byte>>> _behaviour;
    private readonly IEnvironmentVariables? _environment;
    private readonly ConcurrentQueue<Invocation> _invocations = new();
    private readonly ConcurrentQueue<string?> _traceIds = new();

    /// <summary>Creates the handler; <paramref name="environment"/> is where it looks for the trace id.</summary>
    public RecordingInvocationHandler(
        Func<Invocation, CancellationToken, Task<ReadOnlyMemory<byte>>>? behaviour = null,
        IEnvironmentVariables? environment = null)
    {
        _behaviour = behaviour ?? ((invocation, _) => Task.FromResult(invocation.Payload));
        _environment = environment;
    }

    /// <summary>Invocations handled, in order.</summary>
    public IReadOnlyList<Invocation> Invocations => [.. _invocations];

    /// <summary><c>_X_AMZN_TRACE_ID</c> as seen during each invocation.</summary>
    public IReadOnlyList<string?> TraceIdsSeen => [.. _traceIds];

    /// <inheritdoc />
    public Task<ReadOnlyMemory<byte>> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        _invocations.Enqueue(invocation);
        _traceIds.Enqueue(_environment?.Get(RuntimeApiConstants.TraceIdVariable));
        return _behaviour(invocation, cancellationToken);
    }
}
