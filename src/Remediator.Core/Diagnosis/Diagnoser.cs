using Remediator.Core.Intake;

namespace Remediator.Core.Diagnosis;

/// <summary>
/// Turns a batch into findings for every kind of the failure catalogue (docs/ARCHITECTURE.md, "Failure
/// catalogue"). Pure: the same batch always gives the same result, and every event is accounted for in
/// <see cref="DiagnosisResult.Dispositions"/>.
/// </summary>
public static class Diagnoser
{
    /// <summary>Diagnoses one decoded batch; its undecodable events are counted, never read.</summary>
    public static DiagnosisResult Diagnose(LogBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int undecodable = batch.Undecodable.Count;
        DiagnosisResult result = DiagnoseText(batch);
        return undecodable == 0
            ? result
            : result with { Dispositions = result.Dispositions with { Undecodable = undecodable }, EventsRead = result.EventsRead + undecodable };
    }

    private static DiagnosisResult DiagnoseText(LogBatch batch)
    {
        int count = batch.LogEvents.Count;
        if (batch.IsControl)
        {
            return new DiagnosisResult([], new EventDispositions(0, 0, 0, count), count);
        }

        var findings = new FindingAccumulator();
        EventDispositions dispositions;
        if (ExecutionLogGroup.TryParse(batch.LogGroup, out string apiId, out string stage))
        {
            var execution = new ExecutionLogDiagnosis(apiId, stage);
            foreach (LogEvent logEvent in batch.LogEvents)
            {
                execution.Read(logEvent);
            }

            dispositions = execution.Finish(findings);
        }
        else if (IsAccessLogCandidate(batch.LogGroup))
        {
            dispositions = DiagnoseAccessLog(batch.LogEvents, findings);
        }
        else
        {
            dispositions = new EventDispositions(0, 0, count, 0);
        }

        return new DiagnosisResult(findings.Build(), dispositions, count);
    }

    // Access logs go to a log group of the owner's choosing, so any group may hold them, except the two
    // kinds that certainly do not: execution logs, and Lambda functions' own logs, whose text a caller can
    // steer (a function that logs its input would otherwise let a request forge an access-log line).
    private static bool IsAccessLogCandidate(string logGroup) =>
        !logGroup.StartsWith(LogText.LambdaLogGroupPrefix, StringComparison.Ordinal)
        && !logGroup.StartsWith(LogText.ExecutionLogGroupPrefix, StringComparison.Ordinal);

    private static bool HasAccessLogMarker(string line)
    {
        foreach (string marker in LogText.AccessLogMarkers)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static EventDispositions DiagnoseAccessLog(IReadOnlyList<LogEvent> events, FindingAccumulator findings)
    {
        int evidence = 0;
        foreach (LogEvent logEvent in events)
        {
            string line = logEvent.Message;

            // Every catalogued text holds one of the markers; a line without any cannot be evidence, so skip parsing it.
            if (!HasAccessLogMarker(line))
            {
                continue;
            }

            bool isFailure = line.AsSpan().TrimStart().StartsWith('{')
                ? JsonAccessLog.TryRead(line, out AccessLogFailure failure)
                : CommonLogFormat.TryRead(line, out failure);
            if (!isFailure)
            {
                continue;
            }

            evidence++;
            findings.Add(new Occurrence(
                failure.Kind, ApiType.Http, failure.ApiId, failure.Stage, failure.HttpMethod, failure.Path,
                failure.RouteKey, null, failure.RequestId, [logEvent]));
        }

        return new EventDispositions(evidence, 0, events.Count - evidence, 0);
    }
}
