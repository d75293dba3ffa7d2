using System.Collections.Concurrent;
using Remediator.Core.Observability;

namespace Remediator.Core.Tests.Fakes;

/// <summary>Keeps every line written.</summary>
public sealed class RecordingLogSink : ILogSink
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => lines.ToArray();

    public void WriteLine(string line) => lines.Enqueue(line);
}
