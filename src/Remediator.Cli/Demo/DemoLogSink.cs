using System.Collections.Concurrent;
using Remediator.Core.Observability;

namespace Remediator.Cli.Demo;

/// <summary>Keeps the handler's log lines (what Lambda would send to CloudWatch Logs) for the demo to show.</summary>
internal sealed class DemoLogSink : ILogSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void WriteLine(string line) => _lines.Enqueue(line);
}
