using Remediator.Core.Observability;

namespace Remediator.Aws.Tests.TestSupport;

/// <summary>A log sink that keeps every line.</summary>
internal sealed class RecordingSink : ILogSink
{
    public List<string> Lines { get; } = [];

    public void WriteLine(string line) => Lines.Add(line);
}
