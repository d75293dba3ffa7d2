using Remediator.Core.Configuration;

namespace Remediator.Core.Observability;

/// <summary>Writes what one invocation produced: one JSON line per outcome, then its EMF documents.</summary>
public sealed class OutcomeLogWriter
{
    private readonly ILogSink _sink;

    /// <summary>Creates a writer onto <paramref name="sink"/>.</summary>
    public OutcomeLogWriter(ILogSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
    }

    /// <summary>Writes every entry's line, then one EMF document per kind stamped with
    /// <paramref name="timestamp"/>. Nothing is written for no entries.</summary>
    public void Write(IReadOnlyList<OutcomeLogEntry> entries, RemediatorMode mode, DateTimeOffset timestamp, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            // The usual CONTROL_MESSAGE or quiet batch: no line and no metric document, and none of the
            // grouping EmbeddedMetricFormatter would set up to find that out.
            return;
        }

        foreach (OutcomeLogEntry entry in entries)
        {
            _sink.WriteLine(StructuredLogFormatter.Format(entry));
        }

        foreach (string document in EmbeddedMetricFormatter.Format(timestamp, mode, entries, requestId))
        {
            _sink.WriteLine(document);
        }
    }
}
