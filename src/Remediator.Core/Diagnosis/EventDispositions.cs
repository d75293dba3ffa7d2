namespace Remediator.Core.Diagnosis;

/// <summary>
/// Where every event of a batch went. Each event lands in exactly one bucket, so <see cref="Total"/> equals the
/// number of events read.
/// </summary>
/// <param name="Evidence">Failure lines that a finding rests on.</param>
/// <param name="Context">Other lines of requests that produced a finding (method/path, endpoint URI, bodies).</param>
/// <param name="Unrelated">Lines of healthy requests, unknown shapes and other log groups' traffic.</param>
/// <param name="Control">Events of CloudWatch Logs control messages.</param>
/// <param name="Undecodable">Events whose text is not Unicode, never diagnosed (<see cref="Intake.UndecodableEvent"/>).</param>
public readonly record struct EventDispositions(int Evidence, int Context, int Unrelated, int Control, int Undecodable = 0)
{
    /// <summary>The number of events accounted for.</summary>
    public int Total => Evidence + Context + Unrelated + Control + Undecodable;
}
