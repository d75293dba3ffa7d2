using Remediator.Core.Observability;

namespace Remediator.Cli.Output;

/// <summary>
/// The engine's log lines (one JSON line per outcome, then the EMF metric documents: what the Lambda writes to
/// CloudWatch Logs) on standard error, so standard output keeps the command's results alone.
/// </summary>
internal sealed class StandardErrorLogSink(TextWriter error) : ILogSink
{
    private readonly Lock gate = new();

    public void WriteLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (gate)
        {
            error.WriteLine(line);
            error.Flush();
        }
    }
}
