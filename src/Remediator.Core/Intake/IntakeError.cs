namespace Remediator.Core.Intake;

/// <summary>A refused payload: what kind of problem, and a sentence saying exactly what was wrong.</summary>
public sealed record IntakeError(IntakeErrorCode Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
