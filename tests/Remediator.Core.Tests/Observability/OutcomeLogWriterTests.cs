using Remediator.Core.Decisions;
using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Core.Observability;

namespace Remediator.Core.Tests.Observability;

public class OutcomeLogWriterTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    private sealed class RecordingLogSink : ILogSink
    {
        public List<string> Lines { get; } = [];

        public void WriteLine(string line) => Lines.Add(line);
    }

    [Fact]
    public void Write_Entries_OneLineEachThenOneMetricDocumentPerKind()
    {
        var sink = new RecordingLogSink();
        OutcomeLogEntry[] entries =
        [
            new(At, "req-1", RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, "MissingInvokePermission", "api1", "prod", "arn:f1", "sid1", TimeSpan.FromMilliseconds(5), "fixed one"),
            new(At, "req-1", RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, "HandlerNotFound", "api2", "dev", "arn:f2", null, null, "ticket two"),
        ];

        new OutcomeLogWriter(sink).Write(entries, RemediatorMode.Enforce, At, "req-1");

        Assert.Equal(4, sink.Lines.Count);
        Assert.Equal(StructuredLogFormatter.Format(entries[0]), sink.Lines[0]);
        Assert.Equal(StructuredLogFormatter.Format(entries[1]), sink.Lines[1]);
        Assert.Equal(
            ["HandlerNotFound", "MissingInvokePermission"],
            sink.Lines.Skip(2).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Kind").GetString()));
    }

    [Fact]
    public void Write_NoEntries_WritesNothing()
    {
        var sink = new RecordingLogSink();

        new OutcomeLogWriter(sink).Write([], RemediatorMode.Observe, At, null);

        Assert.Empty(sink.Lines);
    }
}
