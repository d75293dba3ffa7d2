using System.Collections.Concurrent;
using Remediator.Core.Observability;

namespace Remediator.Lambda.Tests.TestSupport;

/// <summary>Keeps every line written.</summary>
public sealed class RecordingLogSink : ILogSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Lines written, in order.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <inheritdoc />
    public void WriteLine(string line) => _lines.Enqueue(line);
}
