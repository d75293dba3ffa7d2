namespace Remediator.Core.Diagnosis;

/// <summary>What a batch revealed: coalesced findings, and where each of its events went.</summary>
/// <param name="Findings">One finding per root cause, in the order their first evidence appeared.</param>
/// <param name="Dispositions">Per-disposition event counts; they sum to <paramref name="EventsRead"/>.</param>
/// <param name="EventsRead">The number of events in the batch.</param>
public sealed record DiagnosisResult(IReadOnlyList<Finding> Findings, EventDispositions Dispositions, int EventsRead)
{
    /// <summary>Value equality, including the findings list.</summary>
    public bool Equals(DiagnosisResult? other) =>
        other is not null
        && Dispositions == other.Dispositions
        && EventsRead == other.EventsRead
        && Findings.SequenceEqual(other.Findings);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Findings.Count, Dispositions, EventsRead);
}
