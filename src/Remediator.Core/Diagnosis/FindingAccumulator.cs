using Remediator.Core.Intake;

namespace Remediator.Core.Diagnosis;

/// <summary>Coalesces occurrences into one finding per root cause, keeping bounded samples.</summary>
internal sealed class FindingAccumulator
{
    private readonly Dictionary<RootCauseKey, Builder> builders = [];
    private readonly List<Builder> order = [];

    public void Add(Occurrence occurrence)
    {
        RootCauseKey key = occurrence.Key;
        if (!builders.TryGetValue(key, out Builder? builder))
        {
            builder = new Builder(occurrence);
            builders.Add(key, builder);
            order.Add(builder);
        }

        builder.Merge(occurrence);
    }

    public IReadOnlyList<Finding> Build()
    {
        var findings = new Finding[order.Count];
        for (int i = 0; i < findings.Length; i++)
        {
            findings[i] = order[i].Build();
        }

        return findings;
    }

    private sealed class Builder(Occurrence first)
    {
        private readonly List<string> requestIds = [];
        private readonly List<string> evidence = [];
        private readonly List<string> evidenceSources = [];
        private ApiType apiType = ApiType.Unknown;
        private bool apiTypeConflict;
        private int occurrences;
        private long firstTimestamp = long.MaxValue;
        private long lastTimestamp = long.MinValue;

        public void Merge(Occurrence occurrence)
        {
            occurrences++;
            MergeApiType(occurrence.ApiType);

            if (occurrence.RequestId is { } id && requestIds.Count < DiagnosisLimits.MaxRequestIds && !requestIds.Contains(id))
            {
                requestIds.Add(id);
            }

            foreach (LogEvent line in occurrence.Evidence)
            {
                firstTimestamp = Math.Min(firstTimestamp, line.Timestamp);
                lastTimestamp = Math.Max(lastTimestamp, line.Timestamp);
                AddEvidence(line.Message);
            }

            if (occurrence.Illustration is { } illustration)
            {
                AddEvidence(illustration.Message);
            }
        }

        public Finding Build() => new(
            first.Kind,
            apiType,
            first.ApiId,
            first.Stage,
            first.HttpMethod,
            first.ResourcePath,
            first.RouteKey,
            first.FunctionArn,
            requestIds.ToArray(),
            occurrences,
            DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(firstTimestamp, MinTimestamp, MaxTimestamp)),
            DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(lastTimestamp, MinTimestamp, MaxTimestamp)),
            evidence.ToArray());

        // A request without context lines says nothing about the API type; contradicting requests say "unknown".
        private void MergeApiType(ApiType seen)
        {
            if (seen == ApiType.Unknown || apiTypeConflict)
            {
                return;
            }

            if (apiType == ApiType.Unknown)
            {
                apiType = seen;
            }
            else if (apiType != seen)
            {
                (apiType, apiTypeConflict) = (ApiType.Unknown, true);
            }
        }

        private void AddEvidence(string line)
        {
            if (evidence.Count == DiagnosisLimits.MaxEvidenceLines)
            {
                return;
            }

            // A storm repeats the same text under different request ids: keep distinct texts only.
            ReadOnlySpan<char> text = WithoutRequestId(line);
            foreach (string kept in evidenceSources)
            {
                if (WithoutRequestId(kept).SequenceEqual(text))
                {
                    return;
                }
            }

            evidenceSources.Add(line);
            evidence.Add(Truncate(line));
        }

        private static ReadOnlySpan<char> WithoutRequestId(string line) =>
            ExecutionLine.TrySplit(line, out _, out ReadOnlySpan<char> text) ? text : line;

        private static string Truncate(string line) =>
            line.Length <= DiagnosisLimits.MaxEvidenceChars
                ? line
                : string.Concat(line.AsSpan(0, DiagnosisLimits.MaxEvidenceChars - 1), "…");
    }

    // DateTimeOffset's range; CloudWatch timestamps are always inside it, hostile ones are clamped.
    private const long MinTimestamp = -62135596800000;
    private const long MaxTimestamp = 253402300799999;
}
