using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;

namespace Remediator.Core.Engine;

/// <summary>
/// Everything one invocation did. Every log event is accounted for: evidence events by the outcome of
/// their finding, the rest by <see cref="Dispositions"/>; a refused payload by one outcome, and each event whose
/// text is not Unicode by one outcome of its own.
/// </summary>
/// <param name="Outcomes">One per finding in finding order, then one per undecodable event (or one for a refused payload).</param>
/// <param name="Dispositions">Where the batch's events went.</param>
/// <param name="EventsRead">Events in the batch (0 for a refused payload).</param>
/// <param name="IntakeError">Why the payload was refused, when it was.</param>
public sealed record EngineResult(
    IReadOnlyList<EngineOutcome> Outcomes,
    EventDispositions Dispositions,
    int EventsRead,
    IntakeError? IntakeError);
