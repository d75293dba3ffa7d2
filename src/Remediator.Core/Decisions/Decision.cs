namespace Remediator.Core.Decisions;

/// <summary>An outcome, its reason, and one sentence saying why, for people.</summary>
public sealed record Decision(RemediationOutcome Outcome, OutcomeReason Reason, string Detail)
{
    /// <summary>A ticket for <paramref name="reason"/>.</summary>
    public static Decision Ticket(OutcomeReason reason, string detail) => new(RemediationOutcome.Ticket, reason, detail);

    /// <summary>Nothing done, nobody notified.</summary>
    public static Decision Ignored(OutcomeReason reason, string detail) => new(RemediationOutcome.Ignored, reason, detail);

    /// <summary>True for the outcomes a person is told about (Fixed, Recommended, Ticket).</summary>
    public bool IsNotifiable => Outcome is RemediationOutcome.Fixed or RemediationOutcome.Recommended or RemediationOutcome.Ticket;
}
